package dev.blockwatch.instrument;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.utility.JavaModule;

/**
 * Byte Buddy transforms a class on the thread that loads it, reading its own classes from the
 * agent jar as it goes: that is blockwatch's own I/O, never reported, even on an event loop.
 */
final class OwnWorkUntimed implements ResettableClassFileTransformer.WithDelegation.Callback<Boolean> {
    static final AgentBuilder.TransformerDecorator DECORATOR =
            transformer -> ResettableClassFileTransformer.WithDelegation.of(transformer, new OwnWorkUntimed());

    @Override
    public Boolean onBeforeTransform(JavaModule module, ClassLoader loader, String typeName, Class<?> classBeingRedefined,
                                     ProtectionDomain protectionDomain, byte[] classFileBuffer) {
        return BlockwatchRuntime.pauseTiming();
    }

    @Override
    public void onAfterTransform(Boolean paused, JavaModule module, ClassLoader loader, String typeName,
                                 Class<?> classBeingRedefined, ProtectionDomain protectionDomain,
                                 byte[] classFileBuffer) {
        BlockwatchRuntime.resumeTiming(paused);
    }
}
