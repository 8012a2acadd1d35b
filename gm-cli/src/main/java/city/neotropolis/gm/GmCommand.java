package city.neotropolis.gm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command group shares: the console's options, its output streams and the admin API client. */
abstract class GmCommand implements Callable<Integer> {
    static final int OK = 0;

    @Spec
    CommandSpec spec;

    GmConsole gm() {
        return (GmConsole) spec.root().userObject();
    }

    Api api() {
        return gm().api();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    boolean json() {
        return gm().json();
    }

    boolean colour() {
        return gm().colour();
    }

    /** A group called without a subcommand: show what it offers (as `--help` would). */
    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return OK;
    }

    /** The server's reply as JSON, or as the table a person wants to read. */
    int show(JsonNode reply, Consumer<PrintWriter> forPeople) {
        if (json()) {
            printJson(reply);
        } else {
            forPeople.accept(out());
            out().flush();
        }
        return OK;
    }

    /** The server's reply as JSON, or its message line. */
    int message(JsonNode reply) {
        return show(reply, o -> o.println(reply.path("message").asText("done")));
    }

    void printJson(JsonNode n) {
        try {
            out().println(Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out().flush();
    }

    void table(Table t) {
        t.print(out(), colour());
    }
}
