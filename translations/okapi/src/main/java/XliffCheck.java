import java.io.File;

import net.sf.okapi.lib.xliff2.document.XLIFFDocument;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;

/**
 * Reads each XLIFF 2 file with Okapi's strictest validation (schemas and the specification's
 * processing requirements) and writes it back, as a CAT tool built on Okapi would.
 *
 * <pre>java -cp target/classes:target/lib/* XliffCheck IN OUT [IN OUT ...]</pre>
 *
 * Prints "OK IN" or "INVALID IN: reason" per file; exits 1 if any file is invalid.
 */
public final class XliffCheck {
    private XliffCheck() {}

    public static void main(String[] args) {
        if (args.length == 0 || args.length % 2 != 0) {
            System.err.println("usage: XliffCheck IN OUT [IN OUT ...]");
            System.exit(2);
        }
        int invalid = 0;
        for (int i = 0; i < args.length; i += 2) {
            try {
                XLIFFDocument document = new XLIFFDocument();
                document.load(new File(args[i]), XLIFFReader.VALIDATION_MAXIMAL);
                document.saveAs(new File(args[i + 1]));
                System.out.println("OK " + args[i]);
            } catch (RuntimeException error) {
                invalid++;
                String reason = String.valueOf(error.getMessage()).replace('\n', ' ');
                System.out.println("INVALID " + args[i] + ": " + reason);
            }
        }
        System.exit(invalid == 0 ? 0 : 1);
    }
}
