package dev.custflow.cli;

import dev.custflow.examples.RunProgress;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar for the commands that replay a history through the engine several times (whatif, calibrate):
 * events replayed out of all the run will replay, named in the reader's language. Like replay's bar
 * ({@link FileProgress}) it is drawn on standard error only when that is a terminal and the command is not quiet, so
 * piped or captured output (a host's logs, the tests) never gets the bar's redraws.
 */
final class CommandProgress implements RunProgress, AutoCloseable {
    private final String task;
    private final String unit;
    private final PrintStream console;
    private ProgressBar bar;
    private boolean closed;

    private CommandProgress(String task, String unit, PrintStream console) {
        this.task = task;
        this.unit = unit;
        this.console = console;
    }

    /**
     * @param quiet the command's --quiet
     * @return where replay would draw its bar: standard error when it is a terminal and not quiet, else null
     */
    static PrintStream console(boolean quiet) {
        return quiet || System.console() == null ? null : System.err;
    }

    /**
     * @param taskKey the task's key in the command line's messages, e.g. {@code progress.whatif}
     * @param locale  the reader's language
     * @param console where to draw, or null for no bar
     * @return the progress to give the run; close it when the run is over
     */
    static CommandProgress of(String taskKey, Locale locale, PrintStream console) {
        return new CommandProgress(CommandErrors.text(locale, taskKey), CommandErrors.text(locale, "progress.unit"),
                console);
    }

    @Override
    public synchronized void reached(long done, long total) {
        if (console == null || closed) {
            return;
        }
        if (bar == null) { // the total is known at the first report
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(1, total)).setUnit(unit, 1)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(500)
                    .setConsumer(new ConsoleProgressBarConsumer(console)).build();
        }
        bar.maxHint(Math.max(1, total));
        bar.stepTo(done);
    }

    @Override
    public synchronized void close() {
        if (bar != null && !closed) {
            bar.close();
        }
        closed = true;
    }
}
