import Foundation

/// A private Dovecot for one test: its own folder under the temporary directory with a minimal
/// `dovecot.conf`, a passwd file with one user and a Maildir, with the shared ``TestCertificate``, serving
/// IMAP (plaintext and STARTTLS) and IMAPS on free ports of 127.0.0.1.
///
/// Needs Debian's `dovecot-imapd` (`/usr/sbin/dovecot`), `openssl`, `perl` and root: Dovecot switches
/// to the mail user (`nobody`; it refuses uid 0) itself. Messages are delivered by writing files
/// into the Maildir, as a local delivery agent would.
public struct DovecotTestServer: Sendable {
    public static let username = "agent@acme.example"
    public static let password = "pa55-密码 \"q\""
    /// The mail user: Dovecot refuses root, and `nobody` exists everywhere.
    private static let mailUserID = 65534

    /// Whether Dovecot and openssl exist and we are root; tests are skipped, not failed, without.
    public static let isAvailable =
        FileManager.default.isExecutableFile(atPath: "/usr/sbin/dovecot")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/perl")
        && TestCertificate.canBeMade && getuid() == 0

    public let imapPort: Int
    public let imapsPort: Int
    public let certificate: (certificate: String, key: String)
    public let directory: URL

    /// The server's certificate, for clients to trust.
    public var certificatePath: String { certificate.certificate }

    /// Runs `body` with a fresh server and stops the server afterwards, also when `body` throws.
    /// Without `advertisingLiteralPlus` the server lists no LITERAL+, so that clients must wait
    /// for its `+` before sending a literal.
    public static func run(advertisingLiteralPlus: Bool = true, _ body: (DovecotTestServer) async throws -> Void)
        async throws
    {
        let attempts = 3
        for attempt in 1...attempts {
            let directory = try TestServerProcess.makeDirectory(prefix: "dovecot-test")
            defer { try? FileManager.default.removeItem(at: directory) }
            let server = DovecotTestServer(
                imapPort: try await TestServerProcess.unusedPort(),
                imapsPort: try await TestServerProcess.unusedPort(),
                certificate: try TestCertificate.files.get(), directory: directory)
            try server.prepareFiles(advertisingLiteralPlus: advertisingLiteralPlus)
            let dovecot = try server.startDovecot()
            do {
                try await server.waitUntilStarted(dovecot.process)
            } catch {
                await stop(dovecot)
                // A test running in parallel may have taken a port between our choosing it and
                // Dovecot binding it: try again with others.
                if attempt < attempts { continue }
                throw error
            }
            do {
                try await body(server)
            } catch {
                await stop(dovecot)
                throw error
            }
            await stop(dovecot)
            return
        }
    }

    /// Puts `message` into `mailbox` as a new message (Maildir `new/`), byte for byte.
    public func deliver(_ message: [UInt8], to mailbox: String = "INBOX") throws {
        let folder = maildir(mailbox)
        let name = "\(Int(Date().timeIntervalSince1970)).\(UUID().uuidString).concierge-test"
        let temporary = folder.appendingPathComponent("tmp/\(name)")
        try Data(message).write(to: temporary)
        try setMailUserAsOwner(of: temporary)
        try FileManager.default.moveItem(at: temporary, to: folder.appendingPathComponent("new/\(name)"))
    }

    /// Creates a mailbox; `folderName` is its Maildir++ folder name (modified UTF-7 for non-ASCII).
    public func createMailbox(folderName: String) throws {
        try makeMaildir(at: maildir("INBOX").appendingPathComponent(".\(folderName)"))
    }

    /// Makes Dovecot forget the INBOX's UIDs, as after a restore from backup: the next SELECT
    /// reports a new UIDVALIDITY and numbers the messages again.
    public func forgetUIDs() throws {
        let inbox = maildir("INBOX")
        for name in try FileManager.default.contentsOfDirectory(atPath: inbox.path)
        where name == "dovecot-uidlist" || name.hasPrefix("dovecot.index") {
            try FileManager.default.removeItem(at: inbox.appendingPathComponent(name))
        }
    }

    private func maildir(_ mailbox: String) -> URL {
        let inbox = directory.appendingPathComponent("home/\(Self.username)/Maildir")
        return mailbox == "INBOX" ? inbox : inbox.appendingPathComponent(".\(mailbox)")
    }

    private func prepareFiles(advertisingLiteralPlus: Bool) throws {
        try "\(Self.username):{PLAIN}\(Self.password)\n".write(
            to: directory.appendingPathComponent("passwd"), atomically: true, encoding: .utf8)
        let capabilities = advertisingLiteralPlus ? "" : "imap_capability = IMAP4rev1 SASL-IR ID ENABLE IDLE\n"
        try (configurationText + capabilities).write(
            to: directory.appendingPathComponent("dovecot.conf"), atomically: true, encoding: .utf8)
        let home = directory.appendingPathComponent("home/\(Self.username)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try setMailUserAsOwner(of: home)
        try makeMaildir(at: maildir("INBOX"))
    }

    private var configurationText: String {
        let path = directory.path
        return """
            base_dir = \(path)/run
            state_dir = \(path)/state
            log_path = \(path)/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = yes
            ssl_cert = <\(certificatePath)
            ssl_key = <\(certificate.key)
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = dovecot
            default_login_user = dovenull
            mail_location = maildir:~/Maildir
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u \(path)/passwd
            }
            userdb {
              driver = static
              args = uid=\(Self.mailUserID) gid=\(Self.mailUserID) home=\(path)/home/%u
            }
            service imap-login {
              inet_listener imap {
                port = \(imapPort)
              }
              inet_listener imaps {
                port = \(imapsPort)
                ssl = yes
              }
            }

            """
    }

    private func makeMaildir(at folder: URL) throws {
        for sub in ["", "cur", "new", "tmp"] {
            let url = folder.appendingPathComponent(sub)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try setMailUserAsOwner(of: url)
        }
    }

    private func setMailUserAsOwner(of url: URL) throws {
        try FileManager.default.setAttributes(
            [.ownerAccountID: Self.mailUserID, .groupOwnerAccountID: Self.mailUserID], ofItemAtPath: url.path)
    }

    /// Starts Dovecot in the foreground under a small Perl guardian (Perl is there with swaks):
    /// it clears the signal mask, which Dovecot would otherwise inherit from the test process
    /// with SIGTERM blocked, stops Dovecot when its standard input closes, so that Dovecot cannot
    /// outlive a crashed test run, and exits when Dovecot does.
    private func startDovecot() throws -> (process: Process, lifeline: Pipe) {
        let guardian = """
            use POSIX; use POSIX ":sys_wait_h";
            sigprocmask(SIG_SETMASK, POSIX::SigSet->new) or die "sigprocmask: $!";
            my $pid = fork() // die "fork: $!";
            if ($pid == 0) { open(STDIN, "<", "/dev/null"); exec(@ARGV) or die "exec: $!"; }
            my $watched = ""; vec($watched, fileno(STDIN), 1) = 1;
            while (waitpid($pid, WNOHANG) == 0) {
                if (select(my $ready = $watched, undef, undef, 0.1) > 0 && !sysread(STDIN, my $byte, 1)) {
                    kill("TERM", $pid); waitpid($pid, 0); exit(0);
                }
            }
            exit(1);
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/perl")
        process.arguments = [
            "-e", guardian, "/usr/sbin/dovecot", "-F", "-c", directory.appendingPathComponent("dovecot.conf").path,
        ]
        let lifeline = Pipe()
        process.standardInput = lifeline
        let log = directory.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        try? logHandle.close()
        return (process, lifeline)
    }

    /// Closes the lifeline and waits, without blocking a thread, until Dovecot has stopped.
    private static func stop(_ dovecot: (process: Process, lifeline: Pipe)) async {
        try? dovecot.lifeline.fileHandleForWriting.close()
        let deadline = ContinuousClock.now + .seconds(10)
        while dovecot.process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Waits for Dovecot's "starting up", which it logs once its listeners are bound; a taken
    /// port makes it exit instead.
    private func waitUntilStarted(_ process: Process) async throws {
        let log = directory.appendingPathComponent("dovecot.log")
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline, process.isRunning {
            if let text = try? String(contentsOf: log, encoding: .utf8), text.contains("starting up") { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        let output = (try? String(contentsOf: directory.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
        let logged = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw TestServerProcessError("dovecot did not start:\n\(output)\n\(logged)")
    }
}
