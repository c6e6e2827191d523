package dev.custflow.connectors.testkit;

import dev.custflow.action.Action;
import java.util.List;

/** The kit's sink contract run against a receiver in memory. */
class RecordingActionSinkTest extends ActionSinkContract<RecordingActionSink> {

    @Override
    protected RecordingActionSink newSink() {
        return new RecordingActionSink(false);
    }

    @Override
    protected List<Action> received(RecordingActionSink sink) {
        return List.copyOf(sink.received);
    }

    @Override
    protected boolean breakReceiver(RecordingActionSink sink) {
        sink.down = true;
        return true;
    }

    @Override
    protected void repairReceiver(RecordingActionSink sink) {
        sink.down = false;
    }
}
