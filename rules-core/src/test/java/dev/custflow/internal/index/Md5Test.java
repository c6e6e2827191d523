package dev.custflow.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The stable ids' MD5: the digest {@code MessageDigest} gives, for any bytes. */
class Md5Test {
    private static String hex(Md5 md5) {
        return HexFormat.of().formatHex(ByteBuffer.allocate(16).putLong(md5.high()).putLong(md5.low()).array());
    }

    private static String digest(String text) {
        Md5 md5 = new Md5();
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        md5.digest(bytes, bytes.length);
        return hex(md5);
    }

    @Test
    void theTestSuiteOfRfc1321_givesItsDigests() {
        assertThat(digest("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(digest("a")).isEqualTo("0cc175b9c0f1b6a831c399e269772661");
        assertThat(digest("abc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(digest("message digest")).isEqualTo("f96b697d7cb7938d525a2f31aaf161d0");
        assertThat(digest("abcdefghijklmnopqrstuvwxyz")).isEqualTo("c3fcd3d76192e4007dfb496cca67e13b");
        assertThat(digest("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"))
                .isEqualTo("d174ab98d277d9f5a5611c2c9f419d9f");
        assertThat(digest("1234567890".repeat(8))).isEqualTo("57edf4a22be3c955ac49da2e2107b67a");
    }

    @Property(tries = 2_000)
    void anyBytes_ofAnyLengthUpTo200_digestAsMessageDigestDoes(@ForAll @Size(max = 200) byte[] bytes)
            throws Exception {
        assertSameAsMessageDigest(bytes, bytes.length);
    }

    @Test
    void everyLengthAroundTheBlocksAndThePadding_digestsAsMessageDigestDoes() throws Exception {
        java.util.Random random = new java.util.Random(11);
        for (int len = 0; len <= 300; len++) { // 55, 56, 63, 64, 119, 120...: one or two padding blocks
            byte[] bytes = new byte[len + 7]; // the digest reads only the first len bytes
            random.nextBytes(bytes);
            assertSameAsMessageDigest(bytes, len);
        }
    }

    @Test
    void oneMd5_digestsOneKeyAfterAnother_withNothingLeftOfTheLast() throws Exception {
        Md5 md5 = new Md5();
        byte[] longKey = new byte[150];
        java.util.Arrays.fill(longKey, (byte) 0x5a);
        md5.digest(longKey, longKey.length);
        byte[] shortKey = {1, 2, 3};
        md5.digest(shortKey, shortKey.length);
        assertThat(hex(md5)).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(shortKey)));
    }

    private static void assertSameAsMessageDigest(byte[] bytes, int len) throws Exception {
        MessageDigest jdk = MessageDigest.getInstance("MD5");
        jdk.update(bytes, 0, len);
        Md5 md5 = new Md5();
        md5.digest(bytes, len);
        assertThat(hex(md5)).as("%d bytes", len).isEqualTo(HexFormat.of().formatHex(jdk.digest()));
    }
}
