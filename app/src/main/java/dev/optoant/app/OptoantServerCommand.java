package dev.optoant.app;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;

/** The {@code server} command, reporting configuration mistakes as one line instead of a stack trace. */
final class OptoantServerCommand extends ServerCommand<OptoantConfiguration> {

    OptoantServerCommand(OptoantApplication application) {
        super(application);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        StartupProblems.describe(e).ifPresentOrElse(
                line -> cli.getStdErr().println("optoant: configuration error: " + line),
                () -> super.onError(cli, namespace, e));
    }
}
