package dev.obdio.isotp;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** Runs queued tasks when the test says so. */
final class ManualExecutor implements Executor {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs everything queued, including what the tasks queue. */
    void runAll() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = tasks.poll();
            }
            if (task == null) {
                return;
            }
            task.run();
        }
    }
}
