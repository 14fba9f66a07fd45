//! The JSON export follows `export.schema.json` (copied from the shared spec) and is deterministic.

use std::process::Command;

fn export(args: &[&str]) -> (serde_json::Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .env(
            "PARALLAX_CACHE_DIR",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
        )
        .arg("export")
        .args(["--format", "json"])
        .args(args)
        .output()
        .expect("run parallax");
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("export is UTF-8");
    (serde_json::from_str(&text).expect("export is JSON"), text)
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("export.schema.json")).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

#[test]
fn the_seed_export_validates_against_the_schema() {
    let (json, _) = export(&[]);
    let validator = validator();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "schema violations:\n{}",
        errors.join("\n")
    );
    assert_eq!(json["articles"].as_array().map(Vec::len), Some(5));
}

#[test]
fn the_schema_check_rejects_a_broken_export() {
    let (mut json, _) = export(&[]);
    json["articles"][0]["date"] = serde_json::json!("22 August 2025");
    assert!(
        !validator().is_valid(&json),
        "a malformed date must fail the schema"
    );
}

#[test]
fn every_location_points_inside_its_paragraph_on_char_boundaries() {
    let (json, _) = export(&[]);
    let articles = json["articles"].as_array().expect("articles");
    for section in ["quotes", "positions", "questions"] {
        for item in json[section].as_array().expect("section") {
            let at = &item["at"];
            let article = articles
                .iter()
                .find(|a| a["id"] == at["article"])
                .expect("known article");
            let para = article["paragraphs"][at["paragraph"].as_u64().expect("index") as usize]
                .as_str()
                .expect("paragraph exists");
            let (start, end) = (
                at["start"].as_u64().expect("start") as usize,
                at["end"].as_u64().expect("end") as usize,
            );
            assert!(
                para.get(start..end).is_some(),
                "{section} item {item} out of its paragraph"
            );
        }
    }
}

#[test]
fn two_runs_give_byte_identical_output() {
    assert_eq!(export(&[]).1, export(&[]).1);
}
