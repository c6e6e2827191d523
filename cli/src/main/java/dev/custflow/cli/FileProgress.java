package dev.custflow.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar over the bytes of an input file, for commands that read one long file (replay): the number of
 * events is known only at the end, the file's size from the start. Drawn on a terminal only, so that piped or
 * captured output (a host's logs, the tests) never gets the bar's redraws.
 */
final class FileProgress {
    private FileProgress() {
    }

    /**
     * @param in      the file's stream
     * @param size    its size in bytes
     * @param task    the bar's name, e.g. {@code custflow replay}
     * @param console where to draw it, or null for no bar (not a terminal, or quiet)
     * @return a stream that moves the bar as it is read and closes it when closed; {@code in} itself without a
     *         console
     */
    static InputStream track(InputStream in, long size, String task, PrintStream console) {
        if (console == null || size <= 0) {
            return in;
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(1, size / 1024))
                .setUnit(" KB", 1).setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(console)).build();
        return new FilterInputStream(in) {
            private long read;

            private int counted(int n) {
                if (n > 0) {
                    read += n;
                    bar.stepTo(read / 1024);
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                counted(b < 0 ? -1 : 1);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return counted(super.read(b, off, len));
            }

            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    bar.close();
                }
            }
        };
    }
}
