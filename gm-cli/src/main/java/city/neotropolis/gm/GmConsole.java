package city.neotropolis.gm;

/** Entry point of the GM console; the command tree arrives with the GM tools issue. */
public final class GmConsole {
    private GmConsole() {}

    public static void main(String[] args) {
        System.err.println("gm: the console is not built yet");
        System.exit(2);
    }
}
