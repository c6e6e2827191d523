package dev.custflow.connectors.jsonl;

import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.connectors.testkit.ActionSinkContract;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;

/** The kit's sink contract on the JSON Lines sink: the receiver is whoever reads the lines. */
class JsonLinesActionSinkContractTest extends ActionSinkContract<JsonLinesActionSink> {
    private final StringWriter lines = new StringWriter();
    private boolean diskFull;

    @Override
    protected JsonLinesActionSink newSink() {
        Writer out = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                if (diskFull) {
                    throw new IOException("disk full");
                }
                lines.write(buf, off, len);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        return JsonLinesActionSink.to(out, "actions.jsonl");
    }

    @Override
    protected List<Action> received(JsonLinesActionSink sink) {
        return lines.toString().lines().map(Json::readAction).toList();
    }

    @Override
    protected boolean breakReceiver(JsonLinesActionSink sink) {
        diskFull = true;
        return true;
    }

    @Override
    protected void repairReceiver(JsonLinesActionSink sink) {
        diskFull = false;
    }
}
