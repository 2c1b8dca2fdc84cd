package dev.obdio.can.socketcan;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class JavaCanNativesTest {

    /** This runs everywhere the build runs; on x86_64 it shows the bundled library is the one loaded. */
    @Test
    void theLibraryForThisJvmIsExtractedAndLoaded() throws IOException {
        JavaCanNatives.ensureLoaded();

        NativeArch arch = NativeArch.detect(System.getProperty("os.arch"), System.getProperty("sun.arch.abi"),
                null).arch();
        assumeTrue(arch != null, "no bundled library for this CPU");
        String path = System.getProperty(JavaCanNatives.PATH_PROPERTY);
        assertThat(path).as("the property JavaCAN reads").isNotNull();
        assertThat(Files.readAllBytes(Path.of(path))).isEqualTo(NativeArchTest.bundled(arch));
        // A JavaCAN call that needs the native library: the offsets of struct bcm_msg_head.
        assertThat(BcmCodec.headerLength()).isPositive();
    }

    @Test
    void loadingTwiceIsHarmless() {
        JavaCanNatives.ensureLoaded();
        JavaCanNatives.ensureLoaded();
    }
}
