package dev.blockwatch.instrument;

import java.lang.instrument.IllegalClassFormatException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Hands a class that is being loaded to Byte Buddy only if its bytes mention one of the given
 * packages (in internal form, {@code java/sql/}), so that the many classes that cannot match
 * cost a byte scan, not a parse and a walk of their supertypes. Classes already loaded, which
 * are retransformed, always pass: they were matched as loaded classes.
 */
final class ClassBytesFilter extends ResettableClassFileTransformer.WithDelegation {
    private final List<byte[]> packages;

    private ClassBytesFilter(ResettableClassFileTransformer transformer, Collection<String> packages) {
        super(transformer);
        this.packages = packages.stream().map(p -> p.getBytes(StandardCharsets.UTF_8)).collect(Collectors.toList());
    }

    static AgentBuilder.TransformerDecorator decorator(Collection<String> packages) {
        return transformer -> new ClassBytesFilter(transformer, packages);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer)
            throws IllegalClassFormatException {
        if (classBeingRedefined == null && !mentionsAny(classfileBuffer)) {
            return null;
        }
        return classFileTransformer.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer)
            throws IllegalClassFormatException {
        if (classBeingRedefined == null && !mentionsAny(classfileBuffer)) {
            return null;
        }
        return classFileTransformer.transform(module, loader, className, classBeingRedefined, protectionDomain,
                classfileBuffer);
    }

    private boolean mentionsAny(byte[] bytes) {
        for (byte[] name : packages) {
            if (ClassBytes.contain(bytes, name)) {
                return true;
            }
        }
        return false;
    }
}
