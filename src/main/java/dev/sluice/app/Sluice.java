package dev.sluice.app;

import dev.sluice.auth.ApiTokens;
import dev.sluice.auth.PortierBroker;
import dev.sluice.auth.PortierLogin;
import dev.sluice.auth.SessionStarter;
import dev.sluice.auth.EmailLogin;
import dev.sluice.auth.LoginLinks;
import dev.sluice.auth.Mailer;
import dev.sluice.auth.ServerSecrets;
import dev.sluice.auth.Sessions;
import dev.sluice.ops.BackgroundJobs;
import dev.sluice.ops.JobLocks;
import dev.sluice.store.JobLockTable;
import dev.sluice.ops.Prometheus;
import dev.sluice.ops.InboxRetention;
import dev.sluice.ops.Retention;
import dev.sluice.ops.Sweeps;
import dev.sluice.auth.TokenBuckets;
import dev.sluice.auth.TokenHasher;
import dev.sluice.block.Blocks;
import dev.sluice.engine.Admission;
import dev.sluice.engine.CachingFeedDecoder;
import dev.sluice.engine.Engine;
import dev.sluice.feed.FeedParser;
import dev.sluice.fetch.AddressPolicy;
import dev.sluice.fetch.FetchConfig;
import dev.sluice.fetch.HttpDownloader;
import dev.sluice.store.HookEvents;
import dev.sluice.store.Stores;
import dev.sluice.fetch.Resolver;
import dev.sluice.hook.HookIndex;
import dev.sluice.hook.HookIngest;
import dev.sluice.hook.HookRetention;
import dev.sluice.hook.StoredHookEvents;
import dev.sluice.inbox.InboxAddresses;
import dev.sluice.inbox.InboxDelivery;
import dev.sluice.inbox.SmtpReceiver;
import dev.sluice.inbox.StoredInboxMails;
import dev.sluice.output.FeedOutputs;
import dev.sluice.output.Invalidation;
import dev.sluice.plan.PlanLimits;
import dev.sluice.plan.Plans;
import dev.sluice.render.ChromiumRenderer;
import dev.sluice.store.Database;
import dev.sluice.store.FirstSeenRepository;
import dev.sluice.store.InboxMailRepository;
import dev.sluice.store.InboxRepository;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.UserRepository;
import dev.sluice.web.WebServer;
import dev.sluice.websub.WebSub;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;

/**
 * The application, wired: one instance per process. Everything is built here from the
 * {@link Config}, so the graph of who uses what is readable in one place.
 */
public final class Sluice implements AutoCloseable {
    public static final String VERSION = "0.1.0";
    /** Beyond the longest run limit, how long a stop waits for answers to be written. */
    static final Duration DRAIN_MARGIN = Duration.ofSeconds(1);

    private final Config config;
    private final InstantSource clock;
    private final Database db;
    private final Stores stores;
    private final UserRepository users;
    private final PipeRepository pipeRepository;
    private final Plans plans;
    /** What the nodes share: Redis with SLUICE_REDIS_URL, else this process alone. */
    private final Sharing sharing;
    /** Tells every node (this one included) that a pipe's caches are out of date. */
    private final Invalidation invalidation;
    private final HttpDownloader downloader;
    private final Engine engine;
    private final Admission admission;
    private final Prometheus metrics;
    private final FeedOutputs outputs;
    private final PipeService pipes;
    // API tokens, Portier login, plans enforcement
    private final PlanLimits planLimits;
    private final ApiTokens tokens;
    private final PortierLogin portier;
    private final SessionStarter sessionStarter;
    // Login area
    private final Sessions sessions;
    private final EmailLogin login;
    // Webhooks
    private final HookIndex hookIndex;
    private final HookEvents hookEvents;
    private final HookIngest hookIngest;
    // Newsletter inboxes: addresses of Inbox blocks, their mail, the SMTP receiver (when SLUICE_SMTP_LISTEN is set)
    private final InboxAddresses inboxes;
    private final InboxMailRepository inboxMails;
    private final InboxDelivery inboxDelivery;
    private SmtpReceiver smtp;
    // Settings and account: address changes, account deletion
    private final dev.sluice.auth.EmailChange emailChange;
    private final dev.sluice.store.AccountDeletion accountDeletion;
    /** Web pages: feed requests per pipe, counted in memory, flushed by the jobs thread. */
    private final dev.sluice.store.PipeUsage usage;
    /** First-seen dates of undated generated items. */
    private final FirstSeenRepository firstSeen;
    /** Pipe health and alerts: run history written behind requests, incidents, alert mails. */
    private final dev.sluice.store.RunJournal runJournal;
    private final dev.sluice.health.PipeHealth health;
    private final dev.sluice.health.HealthJob healthJob;
    /** WebSub: hub discovery, the built-in hub, pushing changed feeds. */
    private final WebSub webSub;
    /** Background jobs (retention, counters); started by serving. */
    private BackgroundJobs jobs;
    private WebServer web;

    private Sluice(Config config, InstantSource clock, SessionStarter sessionStarter) {
        this.config = config;
        this.clock = clock;
        this.plans = Plans.load(config.plansFile(), config.runLimitOverride());
        this.planLimits = new PlanLimits(plans);
        // Start-up is mostly class loading and one-time initialisation (first answer
        // within 2 s). The database (Flyway, SQLite's native library) and the HTTP client do not
        // depend on each other, so they are prepared at the same time.
        CompletableFuture<Database> database = CompletableFuture.supplyAsync(() -> Database.open(config.database()));
        this.sharing = share(config, clock, database);
        this.downloader = sharing.downloader(fetchConfig(config));
        this.db = join(database);
        this.stores = Stores.on(db, clock);
        this.hookIndex = new HookIndex(stores.hooks());
        this.hookEvents = stores.hookEvents();
        this.firstSeen = stores.firstSeen();
        InboxRepository inboxRepository = stores.inboxes();
        this.inboxes = new InboxAddresses(inboxRepository);
        this.inboxMails = stores.inboxMails();
        this.engine = new Engine(Blocks.registry(), downloader, new CachingFeedDecoder(new FeedParser()), clock,
                new StoredHookEvents(hookIndex, hookEvents), config.integrations(), firstSeen,
                config.integrations().browser().map(binary -> new ChromiumRenderer(binary, downloader)).orElse(null),
                new StoredInboxMails(inboxRepository, inboxMails, config.baseUrl()));
        this.users = stores.users();
        this.pipeRepository = stores.pipes();
        this.admission = new Admission(config.maxConcurrentRuns(), config.maxColdRunsPerUser(), Duration.ofSeconds(2));
        this.metrics = new Prometheus(admission, config.maxConcurrentRuns());
        this.runJournal = stores.runJournal();
        this.outputs = new FeedOutputs(engine, admission, pipeRepository, users, plans, stores.lastOutputs(),
                clock, config.outputFreshFor(), config.baseUrl(), stores.pipeRuns(), runJournal);
        this.usage = stores.usage();
        this.invalidation = sharing.invalidation(db, config.database());
        this.pipes = new PipeService(pipeRepository, engine, outputs, planLimits, hookIndex, inboxes, invalidation);
        invalidation.listen(pipes);
        this.tokens = new ApiTokens(stores.apiTokens(), users, clock);
        this.portier = config.portierBroker() == null ? null : new PortierLogin(
                new PortierBroker(config.portierBroker(), new okhttp3.OkHttpClient.Builder()
                        .callTimeout(Duration.ofSeconds(10)).build()),
                config.baseUrl(), users, clock);
        // Login area: one pepper, generated on first start, hashes link tokens and session ids.
        TokenHasher hasher = new TokenHasher(new ServerSecrets(stores.secrets(), clock).get(ServerSecrets.TOKEN_PEPPER));
        this.sessions = new Sessions(stores.sessions(), users, hasher, clock);
        Mailer mailer = Mailer.from(config.smtp());
        this.login = new EmailLogin(new LoginLinks(stores.loginLinks(), hasher, clock), sessions, users, mailer,
                sharing.rateLimit("login-address", EmailLogin.PER_ADDRESS, EmailLogin.WINDOW),
                sharing.rateLimit("login-ip", EmailLogin.PER_IP, EmailLogin.WINDOW), config.baseUrl());
        // Portier logs in through the same sessions (a test may pass its own starter).
        this.sessionStarter = sessionStarter != null ? sessionStarter : sessions::start;
        // Settings and account: address changes are confirmed by a link like login links (same pepper).
        this.emailChange = new dev.sluice.auth.EmailChange(new dev.sluice.auth.EmailChangeLinks(stores.emailChanges(), hasher, clock), users,
                mailer, sharing.rateLimit("email-change", dev.sluice.auth.EmailChange.PER_ACCOUNT,
                dev.sluice.auth.EmailChange.WINDOW), config.baseUrl());
        this.accountDeletion = stores.accountDeletion();
        // WebSub: requests to subscribers' callbacks go through the same SSRF policy as fetches.
        this.webSub = new WebSub(new WebSub.Needs(stores, outputs, pipeRepository, WebSub.client(
                config.allowPrivateNetworks() ? AddressPolicy.allowingEverything() : AddressPolicy.publicOnly(),
                Resolver.SYSTEM, FetchConfig.userAgent(VERSION, config.baseUrl())),
                clock, config.baseUrl(), config.webSub(), WebSub.BACKOFF));
        outputs.publishVia(webSub.hubUrl(), webSub::computed);
        // Pipe health and alerts: the job and the pages read the same tables; mails go through the login mailer.
        dev.sluice.store.RunHistory runHistory = stores.runHistory();
        dev.sluice.store.PipeAlerts pipeAlerts = stores.pipeAlerts();
        dev.sluice.store.Incidents incidents = stores.incidents();
        this.health = new dev.sluice.health.PipeHealth(runJournal, runHistory, pipeAlerts, incidents, config.alerts(), clock);
        this.healthJob = new dev.sluice.health.HealthJob(runJournal, runHistory, pipeAlerts, incidents,
                new dev.sluice.health.AlertSender(stores.alertNotices(), mailer, config.baseUrl(), config.alerts()),
                clock, config.alerts());
        this.hookIngest = new HookIngest(hookIndex, hookEvents,
                sharing.hookRateLimiter(config.hooks()),
                clock, this::contentChanged);
        this.inboxDelivery = new InboxDelivery(inboxRepository, inboxMails, config.inbox(),
                new TokenBuckets(config.inbox().mailsPerHour(), Duration.ofHours(1), clock),
                new TokenBuckets(config.inbox().mailsPerIpPerHour(), Duration.ofHours(1), clock),
                clock, this::contentChanged);
    }

    /** Connects to what the nodes share; when that fails, closes the database opening meanwhile. */
    private static Sharing share(Config config, InstantSource clock, CompletableFuture<Database> database) {
        try {
            return Sharing.open(config, clock);
        } catch (RuntimeException e) {
            database.thenAccept(Database::close);
            throw e;
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Opens the database and builds the services, without serving HTTP. */
    public static Sluice open(Config config) {
        return open(config, InstantSource.system());
    }

    public static Sluice open(Config config, InstantSource clock) {
        return new Sluice(config, clock, null);
    }

    /** As {@link #open(Config, InstantSource)}, with Portier logins starting sessions through {@code sessions} (tests pass a fake). */
    public static Sluice open(Config config, InstantSource clock, SessionStarter sessions) {
        return new Sluice(config, clock, sessions);
    }

    /** A downloader of this process alone, configured from the settings (the command line's runs). */
    public static HttpDownloader downloader(Config config, InstantSource clock) {
        return new HttpDownloader(fetchConfig(config), clock);
    }

    private static FetchConfig fetchConfig(Config config) {
        return FetchConfig.defaults(FetchConfig.userAgent(VERSION, config.baseUrl()))
                .withAllowPrivateNetworks(config.allowPrivateNetworks())
                .withHostSpacing(config.hostSpacing())
                .withCacheBytes(config.cacheBytes());
    }

    /**
     * Starts the SMTP receiver (when configured) and the HTTP server on the configured port (0
     * picks a free one); closes everything when the receiver cannot listen.
     */
    public Sluice serve() {
        try {
            startReceivingMail();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        web = new WebServer(webServices()).start("0.0.0.0", config.port());
        startJobs();
        return this;
    }

    /**
     * Starts the background jobs of a serving process: first a repair of the webhook index (a
     * crash between saving a pipe and indexing its hooks); then webhook retention, the retention
     * of other expired rows ({@link Sweeps}), and the writing of what is counted in memory —
     * feed requests once a minute in one UPDATE, run statuses every few seconds.
     */
    private void startJobs() {
        jobs = new BackgroundJobs(new JobLocks(JobLockTable.on(db)), config.role().runsJobs(), config.jobsDelay())
                .onceShared(Duration.ofMinutes(1), "webhook index repair", hookIndex::repair)
                .onceShared(Duration.ofMinutes(1), "inbox address repair", inboxes::repair)
                .everyShared(HookRetention.EVERY, Duration.ofMinutes(1), "webhook retention",
                        new HookRetention(hookEvents, config.hooks(), clock, Duration.ofMillis(20)))
                .everyShared(InboxRetention.EVERY, Duration.ofMinutes(1), "inbox retention",
                        new InboxRetention(inboxMails, config.inbox(), clock, Duration.ofMillis(20)))
                .everyShared(Retention.EVERY, Duration.ofMinutes(2), "retention",
                        new Retention(stores.expiredRows(), clock, Sweeps.standard(), Retention.BATCH, Duration.ofMillis(20)))
                .everyShared(dev.sluice.health.HealthJob.EVERY, dev.sluice.health.HealthJob.EVERY, "pipe health", healthJob)
                .alsoAtClose(Duration.ofMinutes(1), "feed request counts", usage::flush)
                .alsoAtClose(Duration.ofSeconds(5), "run statuses", () -> outputs.lastRuns().flush())
                .alsoAtClose(Duration.ofSeconds(5), "run history", runJournal::flush);
        webSub.start(round -> jobs.runsSharedJobs()
                ? jobs.onOneNode("websub refresh", config.webSub().refreshEvery(), round) : () -> { });
    }

    /** Runs the pipe health job now: incidents opened and cleared, alert mails sent (tests; the jobs thread runs it every minute). */
    public void checkHealth() {
        healthJob.run();
    }

    /** Starts the SMTP receiver of newsletter inboxes when SLUICE_SMTP_LISTEN says where. */
    private void startReceivingMail() {
        if (config.inbox().listening()) {
            smtp = SmtpReceiver.start(inboxDelivery);
        }
    }

    /** The port the SMTP receiver listens on; empty when it is off. */
    public java.util.OptionalInt smtpPort() {
        return smtp == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(smtp.port());
    }

    /** A webhook event or an inbox mail changed a pipe's input: its outputs are stale on every node, and WebSub subscribers are told. */
    private void contentChanged(String pipeId) {
        invalidation.contentChanged(pipeId);
        webSub.contentChanged(pipeId);
    }

    /** Adds the counted feed requests to the database now (the gallery's "most used"). */
    public void flushUsage() {
        usage.flush();
    }

    /**
     * Starts serving as early as possible: the HTTP listener comes up (and answers the liveness
     * check) while the database and services are prepared on another thread; other routes wait
     * for them. Fails, closing the listener, when the services cannot start.
     */
    public static Sluice startServing(Config config) {
        CompletableFuture<Sluice> opening = CompletableFuture.supplyAsync(() -> open(config));
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        WebServer web;
        try {
            web = new WebServer(opening.thenApply(Sluice::webServices), StartupWarmup.start(config, opening, listening))
                    .start("0.0.0.0", config.port());
        } catch (RuntimeException e) {
            listening.completeExceptionally(e);
            throw e;
        }
        listening.complete(web.port());
        Sluice sluice = null;
        try {
            sluice = join(opening);
            sluice.startReceivingMail();
            sluice.web = web;
            sluice.startJobs();
            return sluice;
        } catch (RuntimeException e) {
            web.stop();
            if (sluice != null) {
                sluice.close();
            }
            throw e;
        }
    }

    private WebServer.Services webServices() {
        return new WebServer.Services(db, stores, pipes, outputs, engine, admission, clock, planLimits, config.baseUrl(),
                sessions, tokens, portier, sessionStarter, login, pipeRepository, hookIngest,
                emailChange, accountDeletion, metrics, config.metricsToken(), usage,
                // editor inspector (Extract picker, anonymous runs)
                downloader, config.anonymousRuns(),
                // pipe health and alerts
                health,
                // WebSub: the built-in hub's front door
                webSub.hub());
    }

    public int port() {
        return web.port();
    }

    /** The HTTP routes being served ({@link WebServer#routes()}). */
    public java.util.List<String> routes() {
        return web.routes();
    }

    public Config config() {
        return config;
    }

    public Engine engine() {
        return engine;
    }

    public Plans plans() {
        return plans;
    }

    public PlanLimits planLimits() {
        return planLimits;
    }

    public ApiTokens tokens() {
        return tokens;
    }

    public Sessions sessions() {
        return sessions;
    }

    public UserRepository users() {
        return users;
    }

    public PipeRepository pipeRepository() {
        return pipeRepository;
    }

    public PipeService pipes() {
        return pipes;
    }

    public FeedOutputs outputs() {
        return outputs;
    }

    @Override
    public void close() {
        if (smtp != null) {
            smtp.close(); // first: no mail is accepted that could not be stored
        }
        if (web != null) {
            // In-flight runs may finish: the longest run limit of any plan, and a little more.
            web.stop(plans.longestRunLimit().plus(DRAIN_MARGIN));
        }
        if (jobs != null) {
            jobs.close();
        }
        webSub.close();
        downloader.close();
        metrics.close();
        outputs.close();
        db.close();
        sharing.close();
    }
}
