package dev.sluice.block.create;

import dev.sluice.block.BlockError;
import dev.sluice.block.Deadline;
import dev.sluice.block.DeadlineExceeded;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a user's query (XPath, JSONPath) on its own virtual thread and stops waiting for it at the
 * run's cut-off. javax.xml.xpath has no way to check a deadline inside one evaluation, and a
 * crafted expression over a 10 MiB page can take far longer than a run may; the abandoned
 * thread is interrupted and finishes on its own, the run does not wait for it.
 */
final class Bounded {
    private Bounded() {
    }

    static <T> T call(Deadline deadline, Callable<T> work) {
        deadline.check();
        FutureTask<T> task = new FutureTask<>(work);
        Thread.ofVirtual().name("sluice-query").start(task);
        try {
            return task.get(deadline.untilCutoff().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new DeadlineExceeded("run limit of " + deadline.limit().toMillis() + " ms reached during a query");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new DeadlineExceeded("run stopped during a query");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BlockError error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
