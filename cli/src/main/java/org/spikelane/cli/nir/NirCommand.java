package org.spikelane.cli.nir;

import java.util.concurrent.Callable;
import org.spikelane.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code spikelane nir}: the NIR import (docs/nir.md); the work is in its subcommands. */
@Command(name = "nir", mixinStandardHelpOptions = true,
        description = "Shows and runs NIR graphs (.nir files exported by snnTorch, Norse, Rockpool, Sinabs, Spyx, Lava-DL, ...).",
        subcommands = {NirShowCommand.class, NirRunCommand.class})
public final class NirCommand implements Callable<Integer> {
    // -h only: the version is the top command's (spikelane --version)
    @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.BAD_INPUT;
    }
}
