//! Bad input gets a clear message and nothing readable is lost: the binary run on awkward folders.

use std::path::Path;
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .expect("run parallax")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-ingest-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).expect("write fixture");
}

const PROSE: &str = "The harbour council voted on Tuesday to rebuild the old pier, after a long debate about the cost and the design of the new walkway.\n";

#[test]
fn a_missing_path_exits_2_with_a_clear_message() {
    let out = parallax(&["articles", "/definitely/not/here"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("/definitely/not/here: no such file or directory"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn an_empty_folder_exits_2_saying_there_is_no_article() {
    let dir = temp_dir("empty");
    let out = parallax(&["articles", dir.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no readable article"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn bad_files_are_skipped_with_one_warning_each_and_the_rest_is_loaded() {
    let dir = temp_dir("mixed");
    write(&dir, "a_binary.txt", b"PK\x03\x04\0\0binary");
    write(&dir, "b_good.txt", PROSE.as_bytes());
    write(&dir, "c_empty.md", b"  \n");
    write(
        &dir,
        "d_latin1.txt",
        b"Caf\xe9 owners said the new rules would hurt trade in the old town this summer.\n",
    );
    write(&dir, "e_slides.pdf", b"%PDF-1.4");
    write(&dir, ".hidden.txt", PROSE.as_bytes());
    let out = parallax(&["articles", dir.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(
        stdout.contains("b_good") && stdout.contains("d_latin1"),
        "{stdout}"
    );
    assert!(
        !stdout.contains(".hidden"),
        "hidden files are passed over: {stdout}"
    );
    for (file, reason) in [
        ("a_binary.txt", "binary file"),
        ("c_empty.md", "empty file"),
        ("d_latin1.txt", "invalid UTF-8, decoded lossily"),
        ("e_slides.pdf", "not an article"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(file) && l.contains(reason)),
            "no warning for {file}: {stderr}"
        );
    }
}

#[test]
fn standard_input_is_read_as_an_article() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["articles", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(PROSE.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    assert!(
        text(&out.stdout).contains("stdin\t"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_five_megabyte_single_line_file_loads() {
    let dir = temp_dir("long-line");
    let line = PROSE.trim_end().repeat(5 * 1024 * 1024 / PROSE.len());
    write(&dir, "long.txt", line.as_bytes());
    let out = parallax(&["articles", dir.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("long\t"));
}

#[test]
fn markdown_front_matter_and_html_meta_reach_the_export() {
    let dir = temp_dir("formats");
    write(&dir, "post.md", b"---\ntitle: Pier vote\ndate: 2024-05-02\nauthor: Sam Lee\n---\n\nThe harbour council voted on Tuesday to rebuild the old pier, after a long debate.\n");
    write(&dir, "page.html", b"<html><head><title>Night market</title><meta property=\"og:site_name\" content=\"Town Post\"></head><body><p>The night market will open again in June, the organisers said on Friday, after a year of repairs to the square and its lights.</p><p>Traders welcomed the news and said they expected large crowds on the first weekend of the summer season.</p></body></html>");
    let out = parallax(&[
        "export",
        "--format",
        "json",
        dir.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let page = &json["articles"][0];
    let post = &json["articles"][1];
    assert_eq!(post["title"], "Pier vote");
    assert_eq!(post["date"], "2024-05-02");
    assert_eq!(post["author"], "Sam Lee");
    assert_eq!(page["source"], "Town Post");
    assert!(
        page["paragraphs"][0]
            .as_str()
            .is_some_and(|p| p.starts_with("The night market")),
        "{page}"
    );
}
