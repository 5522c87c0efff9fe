package dev.sluice.web;

import dev.sluice.store.PipeGallery;
import dev.sluice.store.PipeLikes;
import dev.sluice.store.PipeRuns;
import dev.sluice.store.PipeVersions;
import dev.sluice.web.page.DashboardPage;
import dev.sluice.web.page.GalleryPage;
import dev.sluice.web.page.LandingPage;
import dev.sluice.web.page.PipeActions;
import dev.sluice.web.page.PipePage;

/** The web pages' controllers (package {@code web.page}), built once from the services. */
final class Pages {
    final LandingPage landing;
    final DashboardPage dashboard;
    final GalleryPage gallery;
    final PipePage pipe;
    final PipeActions actions;
    final dev.sluice.web.page.AlertForm alerts;

    Pages(WebServer.Services s) {
        Templates templates = new Templates();
        PipeAccess access = new PipeAccess(s.pipes());
        PipeLikes likes = s.stores().likes();
        PipeRuns runs = s.outputs().lastRuns();
        PipeVersions versions = s.stores().pipeVersions();
        PipeGallery pipeGallery = s.stores().gallery();
        this.landing = new LandingPage(pipeGallery, templates);
        this.dashboard = new DashboardPage(s.pipes(), s.outputs(), likes, runs, s.planLimits(), templates, s.clock(), s.health());
        this.gallery = new GalleryPage(pipeGallery, templates);
        this.pipe = new PipePage(access, s.outputs(), likes, runs, versions, templates, s.clock(), s.health());
        this.actions = new PipeActions(s.pipes(), access, likes, versions);
        this.alerts = new dev.sluice.web.page.AlertForm(access, s.health());
    }
}
