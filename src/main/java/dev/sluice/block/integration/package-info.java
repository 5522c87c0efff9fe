/**
 * Blocks that read other services through feed gateways the server operator runs: Reddit and
 * Soundcloud through RSS-Bridge, Dailymotion, Mixcloud, Speedrun, Svtplay, Vimeo and Twitch
 * through rssbox. Blocks of services that no longer exist (Twitter, Periscope, Ustream) still
 * load from old pipes and say so when run.
 */
package dev.sluice.block.integration;
