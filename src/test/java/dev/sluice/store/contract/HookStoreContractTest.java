package dev.sluice.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.model.StoredPipe;
import dev.sluice.model.User;
import dev.sluice.store.HookStore;
import dev.sluice.store.HookStore.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The webhook index: a pipe's hooks replaced as a whole, a hook id kept by the first pipe that
 * claimed it (another pipe's claim is left out and reported), and re-indexing from the stored JSON.
 */
@BothDialects
class HookStoreContractTest extends StoreContract {

    @Test
    void replacingMakesExactlyTheGivenHooksThePipes() {
        HookStore hooks = stores.hooks();
        StoredPipe p = pipe(user("jo@example.org"), "p");
        assertThat(hooks.replace(p.id(), List.of(new Row("h1", p.id(), "s1"), new Row("h2", p.id(), "")))).isEmpty();
        assertThat(hooks.find("h1")).contains(new Row("h1", p.id(), "s1"));
        assertThat(hooks.find("h2")).contains(new Row("h2", p.id(), ""));

        hooks.replace(p.id(), List.of(new Row("h2", p.id(), "new secret")));
        assertThat(hooks.find("h1")).as("no longer in the pipe").isEmpty();
        assertThat(hooks.find("h2").orElseThrow().secret()).isEqualTo("new secret");
        assertThat(hooks.find("nope")).isEmpty();
    }

    @Test
    void aHookIdClaimedByAnotherPipeIsLeftOut() {
        HookStore hooks = stores.hooks();
        User jo = user("jo@example.org");
        StoredPipe first = pipe(jo, "first");
        StoredPipe second = pipe(user("ann@example.org"), "second");
        hooks.replace(first.id(), List.of(new Row("shared", first.id(), "mine")));

        List<String> leftOut = hooks.replace(second.id(),
                List.of(new Row("shared", second.id(), "theirs"), new Row("own", second.id(), "")));
        assertThat(leftOut).containsExactly("shared");
        assertThat(hooks.find("shared")).contains(new Row("shared", first.id(), "mine"));
        assertThat(hooks.find("own").orElseThrow().pipeId()).isEqualTo(second.id());

        pipes.delete(first.id());
        assertThat(hooks.find("shared")).as("the pipe's hooks go with it").isEmpty();
        assertThat(hooks.replace(second.id(), List.of(new Row("shared", second.id(), "theirs")))).isEmpty();
    }

    @Test
    void pipesThatMayHaveHooksAreThoseMentioningTheBlockOrHoldingHooks() {
        HookStore hooks = stores.hooks();
        User jo = user("jo@example.org");
        StoredPipe mentions = pipes.create(jo.id(), new dev.sluice.store.PipeRepository.Draft("m", "",
                "{\"modules\":[{\"id\":\"w1\",\"type\":\"webhook\"}]}", false, List.of()));
        StoredPipe holds = pipe(jo, "holds");
        pipe(jo, "neither");
        hooks.replace(holds.id(), List.of(new Row("h", holds.id(), "")));
        assertThat(hooks.pipesMentioning("webhook")).containsExactlyInAnyOrder(mentions.id(), holds.id());
    }

    @Test
    void reindexingReadsThePipesStoredJson() {
        HookStore hooks = stores.hooks();
        User jo = user("jo@example.org");
        StoredPipe p = pipes.create(jo.id(), new dev.sluice.store.PipeRepository.Draft("p", "", "{\"hook\":\"h9\"}",
                false, List.of()));
        List<String> seen = new ArrayList<>();
        hooks.reindex(p.id(), json -> {
            seen.add(json);
            return List.of(new Row("h9", p.id(), "s"));
        });
        assertThat(seen).containsExactly("{\"hook\":\"h9\"}");
        assertThat(hooks.find("h9")).isPresent();

        seen.clear();
        assertThat(hooks.reindex("gone", json -> {
            seen.add(String.valueOf(json));
            return List.of();
        })).isEmpty();
        assertThat(seen).as("a deleted pipe has no JSON").containsExactly("null");
    }
}
