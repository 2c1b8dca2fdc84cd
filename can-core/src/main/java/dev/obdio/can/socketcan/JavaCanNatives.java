package dev.obdio.can.socketcan;

import dev.obdio.can.CanException;
import tel.schich.javacan.JavaCAN;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * Loads JavaCAN's native library for the running JVM, once.
 *
 * <p>JavaCAN 3.5.0 looks for {@code libjavacan-core.so} on {@code java.library.path} first,
 * then at the file named by the system property {@value #PATH_PROPERTY}, then at the class-path
 * resource {@code /native/libjavacan-core.so}. Every architecture jar of JavaCAN puts its library
 * at that same resource path, so with several on the class path (or merged into one shaded jar)
 * the first one wins whatever the CPU, and its own architecture detection lives in
 * {@code javacan-core-arch-detect}, which is not available here. So this jar carries the x86_64,
 * aarch64 and armv7 libraries under {@code dev/obdio/can/socketcan/natives/<arch>/} (unpacked at
 * build time); this class picks one from {@code os.arch}, checks its ELF header against the JVM,
 * extracts it to a temporary file and points {@value #PATH_PROPERTY} at it before JavaCAN
 * initialises. A library on {@code java.library.path}, or the property set by the user, still wins.
 */
final class JavaCanNatives {
    /** JavaCAN's system property naming the native library file. */
    static final String PATH_PROPERTY = "javacan.native.javacan-core.path";
    private static final String CLASSPATH_PROPERTY = "javacan.native.javacan-core.classpath";
    private static final String BUNDLED = "/dev/obdio/can/socketcan/natives/%s/native/libjavacan-core.so";
    private static final String JAVACAN_RESOURCE = "native/libjavacan-core.so";

    private static boolean loaded;
    private static CanException failure;

    private JavaCanNatives() {
    }

    /**
     * Makes JavaCAN usable.
     *
     * @throws CanException with {@link CanException.Reason#NOT_SUPPORTED} when no library fits
     *                      this CPU or it cannot be loaded; the outcome is remembered
     */
    static synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        if (failure == null) {
            try {
                load();
                loaded = true;
                return;
            } catch (CanException e) {
                failure = e;
            }
        }
        throw new CanException(failure.reason(), failure.getMessage(), failure.getCause());
    }

    private static void load() {
        if (System.getProperty(PATH_PROPERTY) == null && System.getProperty(CLASSPATH_PROPERTY) == null) {
            NativeArch.Detection detection = NativeArch.detect(System.getProperty("os.arch"),
                    System.getProperty("sun.arch.abi"), readCpuInfo());
            NativeArch arch = detection.architecture().orElseThrow(() -> notSupported(detection.reason(), null));
            System.setProperty(PATH_PROPERTY, extract(arch).toString());
        }
        try {
            JavaCAN.initialize();
        } catch (LinkageError e) {
            throw notSupported("JavaCAN's native library could not be loaded (" + System.getProperty(PATH_PROPERTY)
                    + "): " + e.getMessage() + "; if the temporary directory is mounted noexec, start Java with"
                    + " -Djava.io.tmpdir=<a directory that allows executables> or -D" + PATH_PROPERTY
                    + "=<libjavacan-core.so for this CPU>", e);
        }
    }

    private static Path extract(NativeArch arch) {
        byte[] library = findLibrary(arch);
        try {
            Path dir = Files.createTempDirectory("obdio-javacan-");
            Path file = dir.resolve("libjavacan-core.so");
            Files.write(file, library);
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw notSupported("cannot extract JavaCAN's native library to " + System.getProperty("java.io.tmpdir")
                    + " (" + e.getMessage() + "); set -D" + PATH_PROPERTY + "=/path/to/libjavacan-core.so", e);
        }
    }

    /** The bundled library for {@code arch}, else any JavaCAN architecture jar's that fits. */
    private static byte[] findLibrary(NativeArch arch) {
        List<String> rejected = new ArrayList<>();
        try {
            try (InputStream in = JavaCanNatives.class.getResourceAsStream(String.format(BUNDLED, arch.classifier()))) {
                if (in != null) {
                    byte[] bytes = in.readAllBytes();
                    String problem = arch.checkElf(bytes);
                    if (problem == null) {
                        return bytes;
                    }
                    rejected.add("bundled " + arch.classifier() + ": " + problem);
                }
            }
            ClassLoader loader = JavaCanNatives.class.getClassLoader();
            Enumeration<URL> candidates = loader == null ? ClassLoader.getSystemResources(JAVACAN_RESOURCE)
                    : loader.getResources(JAVACAN_RESOURCE);
            while (candidates.hasMoreElements()) {
                URL url = candidates.nextElement();
                try (InputStream in = url.openStream()) {
                    byte[] bytes = in.readAllBytes();
                    String problem = arch.checkElf(bytes);
                    if (problem == null) {
                        return bytes;
                    }
                    rejected.add(url + ": " + problem);
                }
            }
        } catch (IOException e) {
            throw notSupported("cannot read JavaCAN's native library: " + e.getMessage(), e);
        }
        throw notSupported("no JavaCAN native library for " + arch.classifier() + " on the class path"
                + (rejected.isEmpty() ? "" : " (rejected: " + String.join("; ", rejected) + ")"), null);
    }

    private static String readCpuInfo() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static CanException notSupported(String message, Throwable cause) {
        return new CanException(CanException.Reason.NOT_SUPPORTED, "SocketCAN is not usable here: " + message, cause);
    }
}
