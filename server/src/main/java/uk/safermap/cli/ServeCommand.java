package uk.safermap.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import uk.safermap.App;
import uk.safermap.config.AppConfig;
import uk.safermap.config.ConfigLoader;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Starts the service with configuration from the config file and environment, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the service (configuration: SAFERMAP_* environment variables or SAFERMAP_CONFIG file).")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Override
    public Integer call() throws InterruptedException {
        ConfigLoader loader = ConfigLoader.fromEnvironment();
        AppConfig config = loader.load();
        LOG.info("Database setting from: {}", loader.dbUrlSource());
        App app = App.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "safermap-shutdown"));
        stopped.await();
        return 0;
    }
}
