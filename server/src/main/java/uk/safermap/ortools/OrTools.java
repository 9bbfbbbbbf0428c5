package uk.safermap.ortools;

import com.google.ortools.Loader;

/**
 * OR-Tools' native libraries, loaded once per JVM. {@link Loader#loadNativeLibraries()} unpacks
 * and loads the JNI libraries on every call it is given; the solvers call {@link #load()} instead,
 * which loads on the first call only. Thread-safe: the JVM initialises the holder class once, and
 * every other caller waits for that.
 */
public final class OrTools {

    private OrTools() {
    }

    /** Loads the native libraries if this JVM has not yet; idempotent and cheap after the first call. */
    public static void load() {
        Libraries.loaded();
    }

    /** Initialised, and so loading the libraries, on the first call to {@link #loaded()}. */
    private static final class Libraries {
        static {
            Loader.loadNativeLibraries();
        }

        /** Returns once the static initialiser above has run (in this thread or another). */
        static void loaded() {
            // nothing more to do: calling this initialised the class
        }
    }
}
