package dev.obdio.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/** Entry point of the {@code obdio} command. */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        CommandLine cl = ObdioCommand.commandLine();
        // Standard output without System.out in between, which hides write errors: the tools stop
        // when their output is closed (obdio dump can0 | head), as can-utils do on SIGPIPE.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), Charset.defaultCharset())), true);
        cl.setOut(out);
        int status = cl.execute(args);
        out.flush();
        System.exit(status);
    }
}
