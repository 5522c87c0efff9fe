package dev.sluice.cli;

import dev.sluice.app.Config;
import dev.sluice.app.Sluice;
import dev.sluice.block.Blocks;
import dev.sluice.block.Value;
import dev.sluice.block.data.DataTrees;
import dev.sluice.engine.CachingFeedDecoder;
import dev.sluice.engine.Engine;
import dev.sluice.engine.RunError;
import dev.sluice.engine.RunRequest;
import dev.sluice.engine.RunResult;
import dev.sluice.feed.Feed;
import dev.sluice.feed.FeedParser;
import dev.sluice.feed.FeedWriter;
import dev.sluice.feed.OutputFormat;
import dev.sluice.feed.WriteOptions;
import dev.sluice.fetch.HttpDownloader;
import dev.sluice.output.ErrorReport;
import dev.sluice.pipe.PipeCodec;
import dev.sluice.pipe.PipeDoc;
import dev.sluice.pipe.PipeFormatException;
import dev.sluice.pipe.PipeReferences;
import dev.sluice.pipe.PipeValidator;
import dev.sluice.plan.Plans;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import dev.sluice.app.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sluice run <pipe.json>}: runs a pipe file and prints its output. Exit 0 when it ran
 * (errors of blocks go to standard error, the partial output to standard output), 2 when the
 * pipe is invalid.
 */
@Command(name = "run", description = "Run a pipe JSON file and print its output.")
public final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "PIPE.json", description = "A pipe in Pipes CE / Sluice JSON.")
    Path file;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A value for a Text Input (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "rss", description = "rss, atom, json or txt (default: ${DEFAULT-VALUE}).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat out = OutputFormat.fromExtension(format).orElse(null);
        if (out == null) {
            err.println("sluice run: unknown format \"" + format + "\" (use rss, atom, json or txt)");
            return 2;
        }
        PipeDoc doc;
        try {
            if (Files.size(file) > PipeCodec.MAX_BYTES) {
                err.println("sluice run: " + file + " is larger than 1 MiB, the limit for a pipe");
                return 2;
            }
            doc = PipeCodec.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (PipeFormatException e) {
            err.println("sluice run: " + e.getMessage());
            return 2;
        }
        Config config = main.config();
        boolean usesStoredPipes = doc.blocks().stream().anyMatch(b -> PipeValidator.PIPE_BLOCK.equals(b.type()));
        try (Sluice store = usesStoredPipes ? Sluice.open(config) : null;
             HttpDownloader downloader = Sluice.downloader(config, InstantSource.system())) {
            // From the command line, Pipe blocks may use public pipes only: there is no owner.
            PipeReferences refs = store == null ? PipeReferences.NONE : new dev.sluice.output.OwnerPipes(store.pipeRepository(), -1);
            // The command line has no pipe identity to remember first-seen dates under.
            Engine engine = new Engine(Blocks.registry(), downloader, new CachingFeedDecoder(new FeedParser()),
                    InstantSource.system(), dev.sluice.block.HookEventSource.NONE, config.integrations(),
                    dev.sluice.block.FirstSeenDates.NONE, config.integrations().browser()
                            .map(binary -> new dev.sluice.render.ChromiumRenderer(binary, downloader)).orElse(null));
            try {
                engine.validator().validate(doc, null, refs);
            } catch (PipeFormatException e) {
                err.println("sluice run: " + e.getMessage());
                return 2;
            }
            Plans plans = Plans.load(config.plansFile(), config.runLimitOverride());
            RunResult result = engine.run(engine.compile(doc, PipeDoc.ROOT_ID),
                    new RunRequest(null, params, plans.get(Plans.DEFAULT).runLimit(), refs)
                            // The operator runs this, not a user on a plan: only a missing browser stops rendering.
                            .withJsRendering(true));
            for (RunError e : result.errors()) {
                err.println(e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.describe());
            }
            err.flush();
            if (result.output() instanceof Value.Data data) {
                // A data pipe prints its data: JSON for --format json, XML for rss (the default).
                if (out != OutputFormat.JSON && out != OutputFormat.RSS) {
                    err.println("sluice run: this pipe outputs data: use --format json or --format rss (XML)");
                    return 2;
                }
                main.out().write(out == OutputFormat.JSON ? DataTrees.toJson(data) : DataTrees.toXml(data));
                main.out().flush();
                return 0;
            }
            Feed feed = result.output() instanceof Value.Items items ? items.feed() : Feed.EMPTY;
            feed = ErrorReport.decorate(feed, result.errors().stream().filter(e -> e.kind() != RunError.Kind.WARNING).toList(),
                    java.time.Instant.now(), file.toUri().toString());
            byte[] body = new FeedWriter().write(feed, out, new WriteOptions(file.toUri().toString(), config.baseUrl(), "Sluice"));
            main.out().write(body);
            main.out().flush();
            return 0;
        }
    }
}
