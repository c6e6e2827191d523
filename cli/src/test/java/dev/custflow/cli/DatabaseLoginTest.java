package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code replay --store} takes the database password from an environment variable or a file, never from the command
 * line (the process list shows it to everyone), and no message repeats it (docs/jdbc.md).
 */
class DatabaseLoginTest {
    private static final Path EXAMPLE = Path.of("../docs/examples/lifecycle.jsonl");

    @TempDir
    Path dir;

    private static DatabaseLogin login(Map<String, String> env, String... args) {
        DatabaseLogin login = new DatabaseLogin();
        new CommandLine(login).parseArgs(args);
        login.environment = env::get;
        return login;
    }

    @Test
    void thePassword_comesFromTheNamedEnvironmentVariable_orByDefaultFromCUSTFLOW_DB_PASSWORD() {
        assertThat(login(Map.of("ERP_DB_PW", "s3cret"), "--password-env", "ERP_DB_PW").password(true))
                .isEqualTo("s3cret");
        assertThat(login(Map.of("CUSTFLOW_DB_PASSWORD", "d3fault"), "--user", "erp").password(true))
                .isEqualTo("d3fault");
        assertThat(login(Map.of()).password(true)).as("no password: the driver's default login").isNull();
    }

    @Test
    void aNamedVariableThatIsNotSet_isAnErrorNamingIt() {
        assertThatThrownBy(() -> login(Map.of(), "--password-env", "ERP_DB_PW").password(true))
                .hasMessage("the environment variable ERP_DB_PW (--password-env) is not set");
        assertThatThrownBy(() -> login(Map.of("ERP_DB_PW", ""), "--password-env", "ERP_DB_PW").password(true))
                .hasMessage("the environment variable ERP_DB_PW (--password-env) is empty");
    }

    @Test
    void thePassword_comesFromTheFirstLineOfAFile_withoutItsLineEnd() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "s3cret\r\nignored\n");
        assertThat(login(Map.of("CUSTFLOW_DB_PASSWORD", "other"), "--password-file", file.toString()).password(true))
                .isEqualTo("s3cret");
    }

    @Test
    void aFileThatIsMissingUnreadableOrEmpty_isAnErrorNamingIt_neverShowingWhatItHolds() throws Exception {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> login(Map.of(), "--password-file", missing.toString()).password(true))
                .hasMessage("the password file " + missing + " (--password-file) does not exist");
        assertThatThrownBy(() -> login(Map.of(), "--password-file", dir.toString()).password(true))
                .hasMessageStartingWith("the password file " + dir + " (--password-file) cannot be read (");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> login(Map.of(), "--password-file", empty.toString()).password(true))
                .hasMessage("the password file " + empty + " (--password-file) is empty");
    }

    @Test
    void bothAVariableAndAFile_isAnError() {
        assertThatThrownBy(() -> login(Map.of("A", "x"), "--password-env", "A", "--password-file", "f").password(true))
                .hasMessage("give the password in --password-env or --password-file, not both");
    }

    @Test
    void passwordOnTheCommandLine_isRefused_sayingWhy_withoutRepeatingIt() {
        Main.Result r = Main.capture("replay", "--events", EXAMPLE.toString(), "--store", dir.resolve("db").toString(),
                "--user", "erp", "--password", "hunter2-s3cret");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--password is not accepted: the process list (ps) shows a command line to every "
                + "user of the machine", "--password-env NAME, by default CUSTFLOW_DB_PASSWORD", "--password-file FILE",
                "nothing was replayed").doesNotContain("hunter2");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("db.mv.db")).as("no store was opened").doesNotExist();
        Main.Result noStore = Main.capture("replay", "--events", EXAMPLE.toString(), "--password=hunter2-s3cret");
        assertThat(noStore.code()).isEqualTo(2);
        assertThat(noStore.err()).contains("--password is not accepted").doesNotContain("hunter2");
    }

    @Test
    void aStoreOpenedWithAPasswordFile_refusesAWrongOne_withoutShowingEither() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("login-db").toAbsolutePath() + ";WRITE_DELAY=0";
        Path right = Files.writeString(dir.resolve("right"), "R1ght-pw\n");
        Path wrong = Files.writeString(dir.resolve("wrong"), "Wr0ng-pw\n");

        Main.Result first = Main.capture("replay", "--events", EXAMPLE.toString(), "--store", url, "--user", "cf",
                "--password-file", right.toString(), "--out", dir.resolve("a.jsonl").toString());
        assertThat(first.code()).as(first.err()).isZero();
        Main.Result refused = Main.capture("replay", "--events", EXAMPLE.toString(), "--store", url, "--user", "cf",
                "--password-file", wrong.toString(), "--out", dir.resolve("b.jsonl").toString());
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).isNotBlank().doesNotContain("R1ght-pw", "Wr0ng-pw");
        Main.Result again = Main.capture("replay", "--events", EXAMPLE.toString(), "--store", url, "--user", "cf",
                "--password-file", right.toString(), "--out", dir.resolve("a.jsonl").toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("resumed at line");
    }

    @Test
    void aPrintedStoreLocation_leavesOutAPasswordInTheUrl() {
        assertThat(DatabaseLogin.shown("jdbc:postgresql://db/erp?user=erp&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/erp?user=erp&password=…&ssl=true");
    }
}
