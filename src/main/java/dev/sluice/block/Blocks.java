package dev.sluice.block;

import dev.sluice.block.article.FulltextBlock;
import dev.sluice.block.build.BuilderBlock;
import dev.sluice.block.control.CombineBlock;
import dev.sluice.block.control.DuplicateBlock;
import dev.sluice.block.create.ExtractBlock;
import dev.sluice.block.create.ImagesBlock;
import dev.sluice.block.create.InsertBlock;
import dev.sluice.block.create.TabletojsonBlock;
import dev.sluice.block.input.DownloadBlock;
import dev.sluice.block.data.WateredDownloadBlock;
import dev.sluice.block.data.WateredDuplicateBlock;
import dev.sluice.block.data.WateredFilterBlock;
import dev.sluice.block.data.WateredReplaceBlock;
import dev.sluice.block.control.ForeachBlock;
import dev.sluice.block.control.MergeBlock;
import dev.sluice.block.input.FeedBlock;
import dev.sluice.block.input.InboxBlock;
import dev.sluice.block.input.PipeBlock;
import dev.sluice.block.input.TextinputBlock;
import dev.sluice.block.integration.DiscontinuedBlock;
import dev.sluice.block.integration.RedditBlock;
import dev.sluice.block.integration.RssboxBlock;
import dev.sluice.block.integration.SoundcloudBlock;
import dev.sluice.block.input.WebhookBlock;
import dev.sluice.block.manipulate.DateFilterBlock;
import dev.sluice.block.manipulate.DelayBlock;
import dev.sluice.block.manipulate.FilterBlock;
import dev.sluice.block.manipulate.FilterlangBlock;
import dev.sluice.block.manipulate.ReplaceBlock;
import dev.sluice.block.manipulate.ShortenBlock;
import dev.sluice.block.manipulate.SortBlock;
import dev.sluice.block.manipulate.TailBlock;
import dev.sluice.block.manipulate.TruncateBlock;
import dev.sluice.block.manipulate.UniqueBlock;
import dev.sluice.block.manipulate.UrlCleanupBlock;
import dev.sluice.block.output.OutputBlock;
import dev.sluice.block.text.StringBuilderBlock;
import dev.sluice.block.text.UrlBuilderBlock;
import java.util.List;

/** The standard block catalogue: every block type Sluice ships, in palette order. */
public final class Blocks {
    private static final BlockRegistry REGISTRY = new BlockRegistry(List.of(
            // Inputs
            FeedBlock.TYPE, DownloadBlock.TYPE, TextinputBlock.TYPE, PipeBlock.TYPE, WebhookBlock.TYPE, InboxBlock.TYPE,
            // Integrations
            RedditBlock.TYPE, SoundcloudBlock.TYPE,
            RssboxBlock.DAILYMOTION, RssboxBlock.MIXCLOUD, RssboxBlock.SPEEDRUN, RssboxBlock.SVTPLAY,
            RssboxBlock.VIMEO, RssboxBlock.TWITCH,
            DiscontinuedBlock.TWITTER, DiscontinuedBlock.PERISCOPE, DiscontinuedBlock.USTREAM,
            // Manipulate
            FilterBlock.TYPE, ReplaceBlock.TYPE, UniqueBlock.TYPE, UrlCleanupBlock.TYPE, TruncateBlock.TYPE, TailBlock.TYPE,
            SortBlock.TYPE, ShortenBlock.TYPE, DateFilterBlock.TYPE, DelayBlock.TYPE, FilterlangBlock.TYPE,
            FulltextBlock.TYPE,
            // Control
            CombineBlock.TYPE, DuplicateBlock.TYPE, MergeBlock.TYPE, ForeachBlock.TYPE,
            // Create
            ExtractBlock.TYPE, BuilderBlock.TYPE, ImagesBlock.TYPE, TabletojsonBlock.TYPE, InsertBlock.TYPE,
            UrlBuilderBlock.TYPE, StringBuilderBlock.TYPE,
            // Data
            WateredDownloadBlock.TYPE, WateredDuplicateBlock.TYPE, WateredFilterBlock.TYPE, WateredReplaceBlock.TYPE,
            // Output
            OutputBlock.TYPE));

    private Blocks() {
    }

    public static BlockRegistry registry() {
        return REGISTRY;
    }
}
