package dev.sluice.cli;

import dev.sluice.app.Config;
import dev.sluice.app.Sluice;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.sluice.app.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code sluice serve}: runs the web server until the process is stopped. */
@Command(name = "serve", description = "Start the web server (configured by SLUICE_* environment variables).")
public final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Override
    public Integer call() throws InterruptedException {
        long start = System.nanoTime();
        Config config = main.config();
        Sluice sluice = Sluice.startServing(config);
        LOG.info("Sluice {} listening on port {} (data in {}, role {}), started in {} ms", Sluice.VERSION, sluice.port(),
                config.database(), config.role().name().toLowerCase(java.util.Locale.ROOT), (System.nanoTime() - start) / 1_000_000);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down");
            sluice.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
