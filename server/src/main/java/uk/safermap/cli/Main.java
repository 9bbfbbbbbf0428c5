package uk.safermap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code safermap} command line: serve (default), load, generate-sample, extract-police, bench. */
@Command(name = "safermap", mixinStandardHelpOptions = true, version = "SaferMap 0.1",
        description = "Hot spot mapping and CCTV / patrol planning for community safety partnerships.",
        subcommands = {ServeCommand.class, LoadCommand.class, GenerateSampleCommand.class, ExtractPoliceCommand.class,
                BenchCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        int code = new CommandLine(new Main()).execute(effective);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
