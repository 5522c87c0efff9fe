package dev.sluice.web.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.testing.Browser;
import dev.sluice.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The editor's pure modules (model.js, ports.js) and the editorApi the inspector relies on,
 * run as they ship, in the browser: each case is a small script whose answer is compared.
 */
class EditorModelTest {
    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.forBrowser(Map.of());
        browser = Browser.open();
        new EditorDriver(browser, server).open("/editor");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    /** Runs `body` (which sees m = model.js, p = ports.js, types = the catalogue) and returns its value as a string. */
    static String run(String body) {
        Object answer = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('/static/editor/model.js'), import('/static/editor/ports.js'), fetch('/api/blocks').then(r => r.json())])
                  .then(([m, p, list]) => { const types = new Map(list.map(t => [t.type, t])); return (async () => { %s })(); })
                  .then(v => done(String(v)), e => done('error: ' + e.message));
                """.formatted(body));
        return String.valueOf(answer);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            legacy userinput becomes userinputs[0]          | return JSON.stringify(m.writePipe(m.readPipe({blocks:[{id:'output',type:'OutputBlock'},{id:'f',type:'FeedBlock',userinput:'http://a'}]})).blocks[1].userinputs) | ["http://a"]
            legacy userinput of other types is kept as is   | return JSON.stringify(m.writePipe(m.readPipe({blocks:[{id:'s',type:'SortBlock',userinput:'x'}]})).blocks[1].userinput) | "x"
            a pipe without a root gets an Output block      | return m.readPipe({blocks:[]}).blocks[0].id | output
            duplicate ids are refused                       | try { m.readPipe({blocks:[{id:'a',type:'X'},{id:'a',type:'X'}]}); return 'read'; } catch (e) { return e.message; } | Two blocks have the id "a"
            new ids are 10 lowercase hex characters         | return /^[0-9a-f]{10}$/.test(m.newId()) | true
            a new block takes its options' defaults         | const pipe = m.emptyPipe(); return JSON.stringify(m.addBlock(pipe, types.get('FilterBlock'), 0, 0).userinputs) | ["",false,"all"]
            a new block has a text slot per text connector  | const pipe = m.emptyPipe(); return m.addBlock(pipe, types.get('ReplaceBlock'), 0, 0).textinputs.length | 2
            Combine keeps exactly one free input            | const pipe = m.emptyPipe(); const c = m.addBlock(pipe, types.get('CombineBlock'), 0, 0); m.connect(pipe, types, 'output', 0, c.id, {side:'in', index:0}); m.connect(pipe, types, 'output', 0, c.id, {side:'in', index:1}); m.disconnect(pipe, types, c.id, {side:'in', index:1}); return c.inputs.length | 2
            Duplicate shows one output more than it uses    | const pipe = m.emptyPipe(); const d = m.addBlock(pipe, types.get('DuplicateBlock'), 0, 0); m.connect(pipe, types, d.id, 1, 'output', {side:'in', index:0}); return m.outputCount(pipe, d) | 3
            deleting a block drops connections to it        | const pipe = m.emptyPipe(); const f = m.addBlock(pipe, types.get('FeedBlock'), 0, 0); m.connect(pipe, types, f.id, 0, 'output', {side:'in', index:0}); m.removeBlocks(pipe, [f.id, 'output'], types); return JSON.stringify(pipe.blocks.map(b => [b.id, b.inputs])) | [["output",[{}]]]
            paste gives new ids and keeps inner links only  | const pipe = m.emptyPipe(); const f = m.addBlock(pipe, types.get('FeedBlock'), 0, 0); const u = m.addBlock(pipe, types.get('UniqueBlock'), 0, 0); m.connect(pipe, types, f.id, 0, u.id, {side:'in', index:0}); m.connect(pipe, types, u.id, 0, 'output', {side:'in', index:0}); const ids = m.pasteBlocks(pipe, types, m.copyBlocks(pipe, [f.id, u.id, 'output']), 10, 10); return ids.length === 2 && !ids.includes(f.id) && m.upstream(pipe, ids[1]) === ids[0] && m.connections(pipe).length === 3 | true
            copies of Webhook blocks get new ids, no secret | const pipe = m.readPipe({blocks:[{id:'output',type:'OutputBlock',inputs:[{from:'h',from_output_slot:0}]},{id:'h',type:'WebhookBlock',userinputs:['','s3cret']}]}); m.freshWebhooks(pipe); const h = pipe.blocks[1]; return h.id !== 'h' && m.upstream(pipe, 'output') === h.id && h.userinputs[1] === '' | true
            copies of Inbox blocks get new addresses        | const pipe = m.readPipe({blocks:[{id:'output',type:'OutputBlock',inputs:[{from:'abcdef0123',from_output_slot:0}]},{id:'abcdef0123',type:'InboxBlock',userinputs:['','5']}]}); m.freshWebhooks(pipe); const i = pipe.blocks[1]; return i.id !== 'abcdef0123' && /^[0-9a-f]{10}$/.test(i.id) && m.upstream(pipe, 'output') === i.id && i.userinputs[1] === '5' | true
            feeds go into feed inputs                       | const pipe = m.emptyPipe(); const f = m.addBlock(pipe, types.get('FeedBlock'), 0, 0); return p.refusal(pipe, types, f, m.find(pipe, 'output'), {side:'in', index:0}) | null
            documents go where feeds are taken              | const pipe = m.emptyPipe(); const d = m.addBlock(pipe, types.get('DownloadBlock'), 0, 0); const s = m.addBlock(pipe, types.get('SortBlock'), 0, 0); return p.refusal(pipe, types, d, s, {side:'in', index:0}) | null
            data does not go into feed inputs               | const pipe = m.emptyPipe(); const d = m.addBlock(pipe, types.get('WateredDownloadBlock'), 0, 0); const s = m.addBlock(pipe, types.get('SortBlock'), 0, 0); return p.refusal(pipe, types, d, s, {side:'in', index:0}) | Sort takes a feed, not data from Download data
            text connectors take only text                  | const pipe = m.emptyPipe(); const t = m.addBlock(pipe, types.get('TextinputBlock'), 0, 0); const f = m.addBlock(pipe, types.get('FeedBlock'), 0, 0); return [p.refusal(pipe, types, t, f, {side:'text', index:0}), p.refusal(pipe, types, f, f, {side:'text', index:0})].map(String).join(';') | null;A block cannot take its own output
            loops are refused                               | const pipe = m.emptyPipe(); const a = m.addBlock(pipe, types.get('UniqueBlock'), 0, 0); const b = m.addBlock(pipe, types.get('SortBlock'), 0, 0); m.connect(pipe, types, a.id, 0, b.id, {side:'in', index:0}); return p.refusal(pipe, types, b, a, {side:'in', index:0}) | That would make a loop: Unique already feeds Sort
            """)
    void modelCase(String description, String script, String expected) {
        assertThat(run(script)).as(description).isEqualTo(expected);
    }

    @Test
    void theEditorApiGivesTheInspectorWhatTheContractSays() {
        String answer = run("""
                const { Editor } = await import('/static/editor/editor.js');
                const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
                document.body.appendChild(svg);
                const seen = [];
                const editor = new Editor(svg, types, { status: () => {}, enhance: (input, ctx) => seen.push(ctx.index + ':' + ctx.type.type + ':' + (ctx.api === editor.api)) });
                const api = editor.api;
                const events = [];
                api.on('change', e => events.push(e.kind));
                api.on('select', id => events.push('select ' + (id === null ? 'none' : 'one')));
                const f = editor.addBlock('FeedBlock', 10, 10);
                editor.connectPorts({ id: f.id, port: 'out:0' }, { id: 'output', port: 'in:0' });
                api.setOption(f.id, 0, 'http://127.0.0.1:9/x.xml'); // no redraw: the field is updated in place
                const field = svg.querySelector('[data-option="0"]').value;
                editor.undo();
                const afterUndo = api.block(f.id).userinputs[0];
                const result = [api.upstream('output') === f.id, api.selection() === f.id, api.types().get('FeedBlock').label,
                  field, afterUndo, api.pipe().blocks.length, Object.keys(api.block(f.id)).sort().join(','),
                  typeof api.loggedIn(), api.baseUrl().startsWith('http'), events.join(','), seen.join(',')];
                svg.remove();
                return result.join(' | ');
                """);
        assertThat(answer).isEqualTo("true | true | Feed | http://127.0.0.1:9/x.xml |  | 2 | id,inputs,name,textinputs,type,userinputs,x,y"
                + " | boolean | true | add,select one,connect,option,undo | 0:FeedBlock:true,0:FeedBlock:true,0:FeedBlock:true");
    }
}
