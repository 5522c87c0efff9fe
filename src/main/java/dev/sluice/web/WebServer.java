package dev.sluice.web;

import dev.sluice.app.PipeService;
import dev.sluice.auth.ApiTokens;
import dev.sluice.auth.PortierLogin;
import dev.sluice.auth.SessionStarter;
import dev.sluice.auth.EmailLogin;
import dev.sluice.auth.Sessions;
import dev.sluice.engine.Admission;
import dev.sluice.engine.Engine;
import dev.sluice.hook.HookIngest;
import dev.sluice.ops.Prometheus;
import dev.sluice.output.FeedOutputs;
import dev.sluice.plan.PlanLimits;
import dev.sluice.store.Database;
import dev.sluice.store.PipeRepository;
import dev.sluice.store.Stores;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP server: routes, security headers, body limits, and the mapping of every failure to a
 * clear answer — JSON under {@code /api/}, a short text elsewhere — never a stack trace.
 */
public final class WebServer {
    /** Largest request body: a 1 MiB pipe plus its wrapper. */
    static final long MAX_BODY = 1024 * 1024 + 64 * 1024;
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: http: data:; "
            + "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    /** Sent with every answer, in this order. */
    static final Map<String, String> SECURITY_HEADERS = securityHeaders();

    private static Map<String, String> securityHeaders() {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "same-origin");
        return java.util.Collections.unmodifiableMap(headers);
    }

    /**
     * What the routes need.
     *
     * @param portier        Portier login, or null when {@code SLUICE_PORTIER_BROKER} is not set
     * @param sessionStarter starts the session of someone who just logged in
     */
    public record Services(Database db, Stores stores, PipeService pipes, FeedOutputs outputs, Engine engine, Admission admission,
                           InstantSource clock, PlanLimits planLimits, String baseUrl, Sessions sessions, ApiTokens tokens,
                           PortierLogin portier, SessionStarter sessionStarter,
                           // login area
                           EmailLogin login, PipeRepository pipeRepository,
                           // webhooks
                           HookIngest hooks,
                           // settings and account
                           dev.sluice.auth.EmailChange emailChange, dev.sluice.store.AccountDeletion accountDeletion,
                           // operations
                           Prometheus metrics, String metricsToken,
                           // web pages: feed requests counted for the gallery's "most used"
                           dev.sluice.store.PipeUsage usage,
                           // editor inspector: the Extract picker fetches pages through the shared downloader
                           dev.sluice.fetch.Downloader downloader,
                           // editor inspector: whether visitors with no account may run pipes (SLUICE_ANONYMOUS_RUNS)
                           boolean anonymousRuns,
                           // pipe health and alerts: run history, health, alert settings
                           dev.sluice.health.PipeHealth health,

                           // WebSub: the built-in hub's front door
                           dev.sluice.websub.Hub webSubHub) {
    }

    private final Javalin app;
    /** Every route, as "METHOD /path": what the authorisation test must cover. */
    private final List<String> routes = new CopyOnWriteArrayList<>();

    /**
     * The server, with every route. It can start listening before the services exist: the
     * liveness check answers at once, {@code /readyz} says "starting", and the other routes wait
     * for {@code services} — which lets start-up open the database while the listener comes up.
     */
    public WebServer(CompletableFuture<Services> services) {
        this(services, CompletableFuture.completedFuture(null));
    }

    /** As {@link #WebServer(CompletableFuture)}, with {@code /readyz} also waiting for {@code warmedUp}. */
    public WebServer(CompletableFuture<Services> services, CompletableFuture<?> warmedUp) {
        CompletableFuture<FeedRoutes> feeds = services.thenApply(s -> new FeedRoutes(s.pipes(), s.outputs(), s.clock(), s.usage()));
        this.app = Javalin.create(config -> {
            // Requests run on platform threads on purpose: blocks run on virtual threads, and a
            // CPU-bound block that ignores interrupts pins a carrier. Serving cached feeds must not
            // depend on those carriers being free (feeds never wait behind pipe runs).
            config.useVirtualThreads = false;
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY;
            // Graceful stop: Jetty waits for the requests this handler counts (Javalin attaches
            // its own handler inside it) before closing, see stop(Duration).
            // Inside it, cached feeds are answered before Javalin routes them (CachedFeeds).
            config.jetty.modifyServer(server -> {
                org.eclipse.jetty.server.handler.StatisticsHandler counted = new org.eclipse.jetty.server.handler.StatisticsHandler();
                counted.setHandler(new CachedFeeds(feeds));
                server.setHandler(counted);
            });
            config.jetty.modifyServletContextHandler(handler -> handler.addFilter(
                    new org.eclipse.jetty.servlet.FilterHolder(new BodyLimitFilter(MAX_BODY,
                            Map.of(dev.sluice.web.account.ImportUpload.PATH, dev.sluice.web.account.ImportUpload.MAX_REQUEST))), "/*",
                    java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
            config.events(events -> events.handlerAdded(h -> {
                if (h.getHttpMethod().isHttpMethod()) {
                    routes.add(h.getHttpMethod() + " " + h.getPath());
                }
            }));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
        });
        app.before(WebServer::securityHeaders);
        CompletableFuture<Authentication> authentication = services.thenApply(
                s -> new Authentication(s.sessions(), s.tokens(), new SessionCookie(s.baseUrl())));
        CompletableFuture<Csrf> csrf = services.thenApply(s -> new Csrf(s.baseUrl()));
        app.before(ctx -> {
            // Webhooks and the WebSub hub: no session; other servers call them, the hook id and
            // signature (the hub: the callback's confirmation) are their authorisation.
            if (!ctx.path().equals("/healthz") && !ctx.path().equals("/favicon.ico") && !ctx.path().equals(MetricsRoute.PATH) && !ctx.path().startsWith("/static/") && !ctx.path().startsWith(HookRoutes.PREFIX)
                    && !ctx.path().equals(dev.sluice.websub.WebSub.PATH)) {
                authentication.join().identify(ctx);
                csrf.join().check(ctx);
            }
        });
        app.after(ctx -> {
            Authentication ready = authentication.getNow(null);
            if (ready != null) {
                ready.extendCookie(ctx);
            }
        });
        app.get("/healthz", ctx -> ctx.result("ok"));
        app.get("/readyz", ctx -> ready(ctx, services, warmedUp));
        CompletableFuture<MetricsRoute> metrics = services.thenApply(s -> new MetricsRoute(s.metrics(), s.metricsToken()));
        app.get(MetricsRoute.PATH, ctx -> metrics.join().serve(ctx));
        // Browsers and feed readers ask for /favicon.ico whatever the page says.
        app.get("/favicon.ico", ctx -> ctx.redirect("/static/favicon.svg", io.javalin.http.HttpStatus.MOVED_PERMANENTLY));

        CompletableFuture<PreviewRoutes> previews = services.thenApply(
                s -> new PreviewRoutes(s.pipes(), s.outputs(), new Templates(), s.clock()));
        CompletableFuture<RunApi> runs = services.thenApply(s -> new RunApi(s.engine(), s.pipes(), s.admission(),
                s.planLimits(), s.baseUrl(), new AnonymousRuns(s.anonymousRuns(), s.planLimits().anonymous(),
                        new dev.sluice.auth.TokenBuckets(AnonymousRuns.PER_IP, AnonymousRuns.WINDOW, s.clock()),
                        csrf.join(), s.pipes().readableByAnyone())));
        // API tokens and Portier login
        CompletableFuture<TokenRoutes> tokens = services.thenApply(s -> new TokenRoutes(s.tokens()));
        CompletableFuture<PortierRoutes> portier = services.thenApply(
                s -> new PortierRoutes(s.portier(), s.sessionStarter(), s.baseUrl().startsWith("https://")));

        app.get("/feed/{file}", ctx -> feeds.join().serve(ctx));
        app.head("/feed/{file}", ctx -> feeds.join().serve(ctx));
        app.get("/preview/{id}", ctx -> previews.join().preview(ctx));
        app.get("/feedpreview/{id}", ctx -> previews.join().preview(ctx));
        app.post("/api/run", ctx -> runs.join().run(ctx));

        // JSON API for pipes; who may do what: PipeAccess (accounts issue, API area)
        CompletableFuture<PipeApi> api = services.thenApply(s -> new PipeApi(s.pipes(), s.stores().pipeVersions(),
                s.stores().likes(), s.outputs(), s.engine().integrations().mail().orElse(null)));
        app.get("/api/pipes", ctx -> api.join().list(ctx));
        app.post("/api/pipes", ctx -> api.join().create(ctx));
        app.get("/api/pipes/{id}", ctx -> api.join().get(ctx));
        app.put("/api/pipes/{id}", ctx -> api.join().update(ctx));
        app.delete("/api/pipes/{id}", ctx -> api.join().delete(ctx));
        app.get("/api/pipes/{id}/versions", ctx -> api.join().versions(ctx));
        app.get("/api/pipes/{id}/versions/{version}", ctx -> api.join().version(ctx));
        app.post("/api/pipes/{id}/share", ctx -> api.join().share(ctx, true));
        app.post("/api/pipes/{id}/unshare", ctx -> api.join().share(ctx, false));
        app.post("/api/pipes/{id}/like", ctx -> api.join().like(ctx, true));
        app.post("/api/pipes/{id}/unlike", ctx -> api.join().like(ctx, false));
        app.put("/api/pipes/{id}/tags", ctx -> api.join().tags(ctx));
        app.post("/api/pipes/{id}/tags", ctx -> api.join().tags(ctx));
        app.post("/api/pipes/{id}/fork", ctx -> api.join().fork(ctx));

        // Pipe health and alerts: the owner's run history and alert settings (HealthApi).
        CompletableFuture<HealthApi> healthApi = services.thenApply(s -> new HealthApi(new PipeAccess(s.pipes()), s.health()));
        app.get("/api/pipes/{id}/runs", ctx -> healthApi.join().runs(ctx));
        app.get("/api/pipes/{id}/alerts", ctx -> healthApi.join().alerts(ctx));
        app.put("/api/pipes/{id}/alerts", ctx -> healthApi.join().saveAlerts(ctx));

        // API tokens and Portier login
        app.get("/api/tokens", ctx -> tokens.join().list(ctx));
        app.post("/api/tokens", ctx -> tokens.join().create(ctx));
        app.delete("/api/tokens/{id}", ctx -> tokens.join().revoke(ctx));
        app.get("/login/portier", ctx -> portier.join().start(ctx));
        app.post(PortierLogin.VERIFY_PATH, ctx -> portier.join().verify(ctx));

        // Login area: magic-link login and logout.
        CompletableFuture<LoginRoutes> logins = services.thenApply(
                s -> new LoginRoutes(s.login(), s.sessions(), new SessionCookie(s.baseUrl()), new Templates(), s.portier()));
        app.get("/login", ctx -> logins.join().form(ctx));
        app.post("/login", ctx -> logins.join().request(ctx));
        app.get("/login/verify", ctx -> logins.join().verify(ctx));
        app.post("/logout", ctx -> logins.join().logout(ctx));
        app.post("/logout/everywhere", ctx -> logins.join().logoutEverywhere(ctx));

        // Web pages: landing, dashboard, pipe page with its form actions, gallery (pages area).
        CompletableFuture<Pages> pages = services.thenApply(Pages::new);
        app.get("/", ctx -> pages.join().landing.show(ctx));
        app.get("/mypipes", ctx -> pages.join().dashboard.show(ctx));
        app.get("/pipes", ctx -> pages.join().gallery.show(ctx));
        app.get("/pipe/{id}", ctx -> pages.join().pipe.show(ctx));
        app.get("/pipe/{id}/thumbnail.svg", ctx -> pages.join().pipe.thumbnail(ctx));
        app.get("/pipe/{id}/delete", ctx -> pages.join().pipe.confirmDelete(ctx));
        app.post("/pipe/{id}/delete", ctx -> pages.join().actions.delete(ctx));
        app.post("/pipe/{id}/like", ctx -> pages.join().actions.like(ctx, true));
        app.post("/pipe/{id}/unlike", ctx -> pages.join().actions.like(ctx, false));
        app.post("/pipe/{id}/share", ctx -> pages.join().actions.share(ctx, true));
        app.post("/pipe/{id}/unshare", ctx -> pages.join().actions.share(ctx, false));
        app.post("/pipe/{id}/tags", ctx -> pages.join().actions.tags(ctx));
        app.post("/pipe/{id}/fork", ctx -> pages.join().actions.fork(ctx));
        app.post("/pipe/{id}/duplicate", ctx -> pages.join().actions.duplicate(ctx));
        app.post("/pipe/{id}/versions/{version}/rollback", ctx -> pages.join().actions.rollback(ctx));
        app.post("/pipe/{id}/alerts", ctx -> pages.join().alerts.save(ctx));

        // Starter templates: the page and what the editor opens (public, from the jar).
        CompletableFuture<dev.sluice.starter.Starters> starters = services.thenApply(s -> dev.sluice.starter.Starters.load());
        CompletableFuture<dev.sluice.web.page.StarterPage> starterPage = starters.thenApply(
                t -> new dev.sluice.web.page.StarterPage(t, new Templates()));
        CompletableFuture<StarterApi> starterApi = starters.thenApply(StarterApi::new);
        app.get("/templates", ctx -> starterPage.join().show(ctx));
        app.get("/templates/{id}/thumbnail.svg", ctx -> starterPage.join().thumbnail(ctx));
        app.get("/api/templates", ctx -> starterApi.join().list(ctx));
        app.get("/api/templates/{id}", ctx -> starterApi.join().one(ctx));

        // Block catalogue for the editor's palette (blocks issue).
        CompletableFuture<BlocksApi> blocks = services.thenApply(s -> new BlocksApi(s.engine().registry(), s.engine().integrations()));
        app.get("/api/blocks", ctx -> blocks.join().list(ctx));

        // Editor inspector: the Extract picker's sandboxed page (dev.sluice.web.editor.PickerPage);
        // registered before /editor/{id}, which would otherwise take "picker" for a pipe id.
        CompletableFuture<dev.sluice.web.editor.PickerPage> picker = services.thenApply(
                s -> new dev.sluice.web.editor.PickerPage(s.downloader(), s.baseUrl()));
        app.get(dev.sluice.web.editor.PickerPage.PATH, ctx -> picker.join().show(ctx));

        // Editor: the page shell; the pipe itself comes from /api/pipes.
        CompletableFuture<dev.sluice.web.editor.EditorPage> editor = services.thenApply(
                s -> new dev.sluice.web.editor.EditorPage(s.pipes(), new Templates(), s.baseUrl(),
                        s.anonymousRuns() ? s.planLimits().anonymous() : null));
        app.get("/editor", ctx -> editor.join().blank(ctx));
        app.get("/editor/{id}", ctx -> editor.join().edit(ctx));

        // Webhooks.
        CompletableFuture<HookRoutes> hooks = services.thenApply(s -> new HookRoutes(s.hooks()));
        app.post(HookRoutes.PREFIX + "{hookId}", ctx -> hooks.join().receive(ctx));

        // Newsletter inboxes: attachments of received mail, behind their random ids.
        CompletableFuture<InboxRoutes> inbox = services.thenApply(s -> new InboxRoutes(s.stores().inboxMails()));
        app.get(InboxRoutes.PATH, ctx -> inbox.join().download(ctx));
        // WebSub: the built-in hub (subscribers' servers post here).
        CompletableFuture<WebSubRoutes> webSub = services.thenApply(s -> new WebSubRoutes(s.webSubHub()));
        app.post(dev.sluice.websub.WebSub.PATH, ctx -> webSub.join().receive(ctx));

        // Settings and account: /settings and its forms, export, import, deletion, OPML.
        CompletableFuture<dev.sluice.web.account.AccountRoutes> account = services.thenApply(s -> dev.sluice.web.account.AccountRoutes.create(
                new dev.sluice.web.account.AccountRoutes.Needs(s.pipes(), s.pipeRepository(), s.outputs(), s.planLimits(),
                        s.tokens(), s.emailChange(), s.accountDeletion(), s.clock(), s.baseUrl())));
        app.get("/settings", ctx -> account.join().settings().show(ctx));
        app.post("/settings/email", ctx -> account.join().email().request(ctx));
        app.get(dev.sluice.auth.EmailChange.CONFIRM_PATH, ctx -> account.join().email().confirmForm(ctx));
        app.post(dev.sluice.auth.EmailChange.CONFIRM_PATH, ctx -> account.join().email().confirm(ctx));
        app.post("/settings/tokens", ctx -> account.join().tokens().create(ctx));
        app.post("/settings/tokens/{id}/revoke", ctx -> account.join().tokens().revoke(ctx));
        app.get("/settings/export", ctx -> account.join().export().download(ctx));
        app.post(dev.sluice.web.account.ImportUpload.PATH, ctx -> account.join().importer().upload(ctx));
        app.post("/settings/delete", ctx -> account.join().deletion().delete(ctx));
        app.get("/mypipes.opml", ctx -> account.join().opml().download(ctx));
        ErrorAnswers.install(app);
    }

    public WebServer(Services services) {
        this(CompletableFuture.completedFuture(services));
    }

    public WebServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    /** Every route, as {@code "METHOD /path"} in Javalin's path syntax, in registration order. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }

    /**
     * Stops gracefully: the listener closes at once, so new connections are refused,
     * while requests already being answered — pipe runs included — get up to {@code drain} to
     * finish; whatever is still running then is cut off.
     */
    public void stop(Duration drain) {
        app.jettyServer().server().setStopTimeout(drain.toMillis());
        app.stop();
    }

    private static void securityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
    }

    private static void ready(Context ctx, CompletableFuture<Services> services, CompletableFuture<?> warmedUp) {
        if (!services.isDone()) {
            ctx.status(503).result("starting");
            return;
        }
        if (!warmedUp.isDone()) {
            ctx.status(503).result("warming up");
            return;
        }
        try {
            services.join().db().writable();
            ctx.result("ready");
        } catch (RuntimeException e) {
            ctx.status(503).result("database not writable");
        }
    }
}
