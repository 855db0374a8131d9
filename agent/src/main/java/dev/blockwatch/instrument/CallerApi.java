package dev.blockwatch.instrument;

/**
 * How a call timed in a low-level method is named after the API the application called: the
 * outermost method, on the stack, of a package or type ({@code java.util.concurrent} for a
 * park), or the method of the dynamic proxy that implements the named interface (a Lettuce
 * synchronous command, which the application calls through a proxy).
 */
public final class CallerApi {
    private final String packageOrType;
    /** For a proxied API, the library whose frames lie between the proxy and the timed method; else null. */
    private final String proxiedLibrary;

    private CallerApi(String packageOrType, String proxiedLibrary) {
        this.packageOrType = packageOrType;
        this.proxiedLibrary = proxiedLibrary;
    }

    /** Named after the outermost method of this package or type on the stack. */
    public static CallerApi outermostIn(String packageOrType) {
        return new CallerApi(packageOrType, null);
    }

    /**
     * Named as a method of this interface, after the dynamic proxy method that called straight
     * into the library's frames above the timed method: another proxy further out (a data
     * repository's, say) stands for something else.
     */
    public static CallerApi proxied(String interfaceName, String library) {
        return new CallerApi(interfaceName, library);
    }

    public String packageOrType() {
        return packageOrType;
    }

    /** The library a proxy calls into, or null when the API is not called through a proxy. */
    public String proxiedLibrary() {
        return proxiedLibrary;
    }
}
