package dev.sluice.engine;

import dev.sluice.block.BlockError;
import dev.sluice.block.BlockType;
import dev.sluice.block.Deadline;
import dev.sluice.block.DeadlineExceeded;
import dev.sluice.block.Value;
import dev.sluice.block.data.DataTrees;

/**
 * Converts an input to what the receiving block takes. In Pipes CE everything travelled as text,
 * so a Download block could feed a Filter when it downloaded a feed; here a document reaching a
 * block that takes feeds is parsed as one (through the same cached parser as Feed blocks), and one
 * reaching a data block is parsed as a JSON or XML tree. Feeds win where a block takes both (the
 * Output block), so a pipe that ends in a downloaded feed still serves a feed.
 */
final class Coercion {
    private Coercion() {
    }

    static Value forBlock(Value value, BlockType type, FeedDecoder decoder, Deadline deadline, int slot) {
        if (!(value instanceof Value.Document document) || type.accepts().contains(Value.Kind.DOCUMENT)) {
            return value;
        }
        if (type.accepts().contains(Value.Kind.FEED)) {
            try {
                return new Value.Items(ParseThreads.decode(decoder, document.download(), deadline));
            } catch (DeadlineExceeded e) {
                throw e;
            } catch (BlockError e) {
                throw new BlockError("Input " + (slot + 1) + " is a downloaded document that is not a feed: " + e.getMessage());
            }
        }
        if (type.accepts().contains(Value.Kind.DATA)) {
            return DataTrees.parse(document.download());
        }
        return value;
    }
}
