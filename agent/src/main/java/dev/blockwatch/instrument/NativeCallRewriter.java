package dev.blockwatch.instrument;

import dev.blockwatch.bootstrap.BlockwatchRuntime;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Rewrites an application class's calls to {@code Thread.sleep(long)} and {@code Object.wait(long)}
 * into calls to their timed substitutes, instruction by instruction, with nothing resolved: a
 * call of {@code wait(J)V} on any receiver is {@code Object}'s (it is final, so nothing can
 * declare another), and {@code sleep(J)V} is {@code Thread}'s when called on {@code Thread}, or
 * unqualified in a direct subclass of it. Byte Buddy's member substitution resolved the owner of
 * every call in each class it rewrote, reading those classes' files: it made a server with many
 * libraries start seconds later. The substitutes take the same operands, so the stack and its
 * frames are unchanged. Only classes whose constant pool holds {@code (J)V} and one of the names,
 * each as an entry of its own, are read at all.
 */
final class NativeCallRewriter implements ClassFileTransformer {
    private static final String THREAD = "java/lang/Thread";
    private static final String LONG_TO_VOID = "(J)V";
    private static final byte[] LONG_TO_VOID_ENTRY = ClassBytes.utf8Entry(LONG_TO_VOID);
    private static final byte[] SLEEP_ENTRY = ClassBytes.utf8Entry("sleep");
    private static final byte[] WAIT_ENTRY = ClassBytes.utf8Entry("wait");
    private static final String SUBSTITUTES = "dev/blockwatch/bootstrap/NativeCallSubstitutes";

    private final boolean sleeps;
    private final boolean waits;

    NativeCallRewriter(boolean sleeps, boolean waits) {
        this.sleeps = sleeps;
        this.waits = waits;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (loader == null || className == null || !ClassBytes.contain(classfileBuffer, LONG_TO_VOID_ENTRY)
                || !(sleeps && ClassBytes.contain(classfileBuffer, SLEEP_ENTRY)
                        || waits && ClassBytes.contain(classfileBuffer, WAIT_ENTRY))
                || OwnTypes.isJdkOrOwnName(className.replace('/', '.'))) {
            return null;
        }
        boolean paused = BlockwatchRuntime.pauseTiming();
        try {
            ClassReader reader = new ClassReader(classfileBuffer);
            ClassWriter writer = new ClassWriter(reader, 0);
            CallSites sites = new CallSites(writer);
            reader.accept(sites, 0);
            return sites.rewrote ? writer.toByteArray() : null;
        } catch (RuntimeException | LinkageError e) {
            BlockwatchRuntime.countFailure();
            return null;
        } finally {
            BlockwatchRuntime.resumeTiming(paused);
        }
    }

    private final class CallSites extends ClassVisitor {
        private String name;
        private String superName;
        boolean rewrote;

        CallSites(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visit(int version, int access, String className, String signature, String superClassName,
                          String[] interfaces) {
            name = className;
            superName = superClassName;
            super.visit(version, access, className, signature, superClassName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                                         String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, method, descriptor, signature, exceptions)) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String called, String calledDescriptor,
                                            boolean isInterface) {
                    if (!LONG_TO_VOID.equals(calledDescriptor)) {
                        super.visitMethodInsn(opcode, owner, called, calledDescriptor, isInterface);
                    } else if (sleeps && opcode == Opcodes.INVOKESTATIC && called.equals("sleep")
                            && (owner.equals(THREAD) || owner.equals(name) && THREAD.equals(superName))) {
                        rewrote = true;
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, SUBSTITUTES, "sleep", LONG_TO_VOID, false);
                    } else if (waits && opcode != Opcodes.INVOKESTATIC && called.equals("wait")) {
                        rewrote = true;
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, SUBSTITUTES, "wait", "(Ljava/lang/Object;J)V", false);
                    } else {
                        super.visitMethodInsn(opcode, owner, called, calledDescriptor, isInterface);
                    }
                }
            };
        }
    }
}
