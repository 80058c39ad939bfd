//! Reader behaviour on generated inputs: WARC archives (plain, gzipped, broken), directory
//! walks and globs, sniffing of unnamed streams, legacy encodings, progress counting.

use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;
use recoupe_ingest::{
    input_size, read_inputs, read_path, read_reader, ErrorReason, IngestError, IngestOptions,
    InputFormat, RecordRef,
};
use recoupe_model::{Document, OriginKind};

const PAGE_ONE: &str = r#"<html><head><title>Séance houleuse au Parlement</title>
<meta property="og:site_name" content="La Voix du Centre">
<meta property="article:published_time" content="2024-04-09T18:20:00+02:00"></head>
<body><nav><a href="/">Accueil</a> <a href="/politique">Politique</a></nav>
<article><h1>Séance houleuse au Parlement</h1>
<p>Les députés ont suspendu mardi la séance à deux reprises après des échanges tendus sur le projet de réforme des retraites, a constaté notre journaliste présent dans l'hémicycle.</p>
<p>Le président de l'Assemblée a appelé au calme, tandis que plusieurs élus de l'opposition quittaient la salle en signe de protestation contre l'usage de la procédure accélérée.</p>
</article><footer>Mentions légales</footer></body></html>"#;

const PAGE_TWO: &str = r#"<html><head><title>Marché : les producteurs de lait inquiets</title></head>
<body><div class="contenu"><h1>Marché : les producteurs de lait inquiets</h1>
<p>Réunis en assemblée générale vendredi, les producteurs de lait de la région ont dénoncé la baisse du prix payé par les laiteries, qui ne couvre plus, selon eux, leurs coûts de production.</p>
<p>Leur fédération réclame l'ouverture rapide de négociations avec les industriels et la grande distribution, faute de quoi des actions pourraient être organisées dès la semaine prochaine.</p>
</div></body></html>"#;

/// One WARC record as bytes.
fn warc_record(kind: &str, uri: &str, payload: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-04-10T02:00:00Z\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        payload.len()
    )
    .into_bytes();
    record.extend_from_slice(payload);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

fn http_response(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut response = format!(
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    response.extend_from_slice(body);
    response
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(bytes).expect("in-memory write");
    encoder.finish().expect("in-memory gzip")
}

/// Records of a small crawl: warcinfo, request, three good/bad responses, a metadata
/// record and a final record whose content is cut short.
fn crawl_records() -> Vec<Vec<u8>> {
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(PAGE_TWO);
    let mut chunked_gzip = Vec::new();
    let compressed = gzip(PAGE_ONE.as_bytes());
    chunked_gzip.extend_from_slice(format!("{:x}\r\n", compressed.len()).as_bytes());
    chunked_gzip.extend_from_slice(&compressed);
    chunked_gzip.extend_from_slice(b"\r\n0\r\n\r\n");
    let mut chunked_response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
    chunked_response.extend_from_slice(&chunked_gzip);

    let mut truncated = warc_record(
        "response",
        "https://voix-du-centre.example/tronque",
        &http_response("200 OK", "Content-Type: text/html\r\n", PAGE_ONE.as_bytes()),
    );
    truncated.truncate(truncated.len() - 300);

    vec![
        b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Type: application/warc-fields\r\nContent-Length: 18\r\n\r\nsoftware: test\r\n\r\n\r\n\r\n".to_vec(),
        warc_record("request", "https://voix-du-centre.example/seance", b"GET /seance HTTP/1.1\r\nHost: voix-du-centre.example\r\n\r\n"),
        warc_record(
            "response",
            "https://voix-du-centre.example/seance",
            &http_response("200 OK", "Content-Type: text/html; charset=UTF-8\r\n", PAGE_ONE.as_bytes()),
        ),
        warc_record(
            "response",
            "https://voix-du-centre.example/absent",
            &http_response("404 Not Found", "Content-Type: text/html\r\n", b"<html><body><p>Page introuvable</p></body></html>"),
        ),
        warc_record(
            "response",
            "https://voix-du-centre.example/photo.jpg",
            &http_response("200 OK", "Content-Type: image/jpeg\r\n", &[0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
        ),
        warc_record(
            "response",
            "https://lait.example/marche",
            &http_response("200 OK", "Content-Type: text/html; charset=windows-1252\r\n", &latin1),
        ),
        warc_record("response", "https://voix-du-centre.example/compresse", &chunked_response),
        warc_record("metadata", "https://voix-du-centre.example/seance", b"fetchTimeMs: 120\r\n"),
        truncated,
    ]
}

fn collect(
    documents: impl Iterator<Item = Result<Document, IngestError>>,
) -> (Vec<Document>, Vec<IngestError>) {
    let mut ok = Vec::new();
    let mut errors = Vec::new();
    for result in documents {
        match result {
            Ok(document) => ok.push(document),
            Err(error) => errors.push(error),
        }
    }
    (ok, errors)
}

fn check_crawl(documents: &[Document], errors: &[IngestError], path: &str) {
    let urls: Vec<_> = documents
        .iter()
        .map(|d| d.meta.url.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        urls,
        [
            "https://voix-du-centre.example/seance",
            "https://lait.example/marche",
            "https://voix-du-centre.example/compresse"
        ]
    );
    let first = &documents[0];
    assert!(
        first
            .text
            .starts_with("Séance houleuse au Parlement\nLes députés ont suspendu mardi"),
        "{}",
        first.text
    );
    assert!(!first.text.contains("Accueil") && !first.text.contains("Mentions légales"));
    assert_eq!(first.meta.outlet.as_deref(), Some("La Voix du Centre"));
    assert_eq!(
        first.meta.published.map(|p| p.date.to_string()).as_deref(),
        Some("2024-04-09")
    );
    assert_eq!(first.meta.origin.kind, OriginKind::Warc);
    assert_eq!(first.meta.origin.path, path);
    assert!(first
        .meta
        .origin
        .record
        .as_deref()
        .is_some_and(|r| r.starts_with("record 3 @ ")));
    assert!(first.is_french());
    let second = &documents[1];
    assert!(
        second
            .text
            .contains("producteurs de lait de la région ont dénoncé la baisse du prix payé"),
        "{}",
        second.text
    );
    assert_eq!(second.meta.outlet.as_deref(), Some("lait.example"));
    assert_eq!(
        documents[2].text, first.text,
        "chunked + gzip body decodes to the same page"
    );

    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = &errors[0];
    assert_eq!(error.path, path);
    assert!(
        matches!(error.record, Some(RecordRef::Warc { number: 9, .. })),
        "{error}"
    );
    assert!(
        matches!(
            error.reason,
            ErrorReason::Truncated { .. } | ErrorReason::Io(_)
        ),
        "unexpected reason: {error}"
    );
}

#[test]
fn warc_plain_streams_html_responses_and_reports_the_truncated_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("crawl.warc");
    std::fs::write(&path, crawl_records().concat()).expect("write");
    let mut documents = read_path(&path, &IngestOptions::default());
    let (ok, errors) = collect(documents.by_ref());
    check_crawl(&ok, &errors, &path.display().to_string());
    assert!(matches!(errors[0].reason, ErrorReason::Truncated { .. }));
    let notes: Vec<String> = documents
        .take_notes()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        notes.iter().any(|n| n
            .contains("3 non-response record(s), 1 non-200 response(s), 1 non-HTML response(s)")),
        "{notes:?}"
    );
    assert_eq!(
        documents.bytes_read(),
        std::fs::metadata(&path).expect("metadata").len()
    );
}

#[test]
fn warc_gz_with_one_member_per_record_streams_the_same_documents() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("crawl.warc.gz");
    let mut bytes: Vec<u8> = crawl_records()
        .iter()
        .map(|record| gzip(record))
        .collect::<Vec<_>>()
        .concat();
    // The last member is cut as well: the archive ends in the middle of a gzip stream.
    bytes.truncate(bytes.len() - 10);
    std::fs::write(&path, &bytes).expect("write");
    let (ok, errors) = collect(read_path(&path, &IngestOptions::default()));
    check_crawl(&ok, &errors, &path.display().to_string());
}

#[test]
fn malformed_warc_record_is_reported_and_reading_resumes() {
    let records = crawl_records();
    let mut bytes = records[2].clone();
    bytes.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: douze\r\n\r\nnot a number of bytes\r\n\r\n");
    bytes.extend_from_slice(b"GARBAGE LINE\r\n");
    bytes.extend_from_slice(&records[5]);
    let (ok, errors) = collect(read_reader(
        std::io::Cursor::new(bytes),
        "mixed.warc",
        None,
        &IngestOptions::default(),
    ));
    assert_eq!(ok.len(), 2, "{errors:?}");
    assert_eq!(
        ok[1].meta.url.as_deref(),
        Some("https://lait.example/marche")
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    let message = errors[0].to_string();
    assert!(message.starts_with("mixed.warc (record 2 @ "), "{message}");
    assert!(
        message.contains("invalid Content-Length `douze`"),
        "{message}"
    );
}

#[test]
fn warc_reader_never_panics_on_truncation_anywhere() {
    let bytes = crawl_records()[..7].concat();
    for cut in (0..bytes.len()).step_by(97) {
        let prefix = bytes[..cut].to_vec();
        let (ok, errors) = collect(read_reader(
            std::io::Cursor::new(prefix),
            "cut.warc",
            Some(InputFormat::Warc),
            &IngestOptions::default(),
        ));
        assert!(ok.len() <= 3);
        assert!(errors.len() <= 2, "cut at {cut}: {errors:?}");
    }
}

#[test]
fn directories_are_walked_sorted_with_hidden_and_unknown_files_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let write = |name: &str, text: &str| {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write(
        "b.txt",
        "Deuxième dépêche : le conseil municipal a voté le budget.",
    );
    write(
        "a.txt",
        "Première dépêche : la mairie annonce des travaux sur le pont.",
    );
    write(
        "a.json",
        r#"{"outlet": "Le Petit Local", "published": "2024-06-01"}"#,
    );
    write("notes.md", "# pas un article");
    write(".cache/c.txt", "caché");
    write(".d.txt", "caché aussi");
    write(
        "sous-dossier/c.jsonl",
        r#"{"id": "c1", "text": "Une ligne du corpus, avec un texte en français assez long."}"#,
    );
    let paths = vec![root.display().to_string()];
    let mut documents = read_inputs(&paths, &IngestOptions::default());
    let (ok, errors) = collect(documents.by_ref());
    assert!(errors.is_empty(), "{errors:?}");
    let origins: Vec<String> = ok
        .iter()
        .map(|d| {
            Path::new(&d.meta.origin.path)
                .strip_prefix(root)
                .expect("under root")
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(origins, ["a.txt", "b.txt", "sous-dossier/c.jsonl"]);
    assert_eq!(ok[0].meta.outlet.as_deref(), Some("Le Petit Local"));
    assert_eq!(ok[2].meta.external_id.as_deref(), Some("c1"));
    let notes: Vec<String> = documents
        .take_notes()
        .iter()
        .map(ToString::to_string)
        .collect();
    // Every skipped entry is reported (issue 10): hidden ones too.
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(
        notes[0].ends_with(".cache: skipped: hidden directory (not walked)"),
        "{notes:?}"
    );
    assert!(
        notes[1].ends_with(".d.txt: skipped: hidden file"),
        "{notes:?}"
    );
    assert!(
        notes[2].ends_with("notes.md: skipped: unknown extension"),
        "{notes:?}"
    );
    assert_eq!(documents.bytes_read(), input_size(&paths));
    assert!(input_size(&paths) > 0);
}

#[test]
fn globs_and_missing_paths() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["x1.txt", "x2.txt", "y.txt"] {
        std::fs::write(
            dir.path().join(name),
            format!("Texte du fichier {name}, écrit en français pour le test."),
        )
        .expect("write");
    }
    let paths = vec![
        dir.path().join("x*.txt").display().to_string(),
        dir.path().join("absent.txt").display().to_string(),
        dir.path().join("z*.txt").display().to_string(),
    ];
    let (ok, errors) = collect(read_inputs(&paths, &IngestOptions::default()));
    assert_eq!(ok.len(), 2);
    assert!(
        ok[0].meta.origin.path.ends_with("x1.txt") && ok[1].meta.origin.path.ends_with("x2.txt")
    );
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].ends_with("absent.txt: no such file or directory"),
        "{messages:?}"
    );
    assert!(
        messages[1].ends_with("z*.txt: glob pattern matches no file"),
        "{messages:?}"
    );
}

#[test]
fn unnamed_streams_are_sniffed() {
    let read = |bytes: &[u8]| {
        collect(read_reader(
            std::io::Cursor::new(bytes.to_vec()),
            "-",
            None,
            &IngestOptions::default(),
        ))
    };
    let (jsonl, _) =
        read(b"  {\"id\": \"s1\", \"text\": \"Un texte venu de l'entr\xc3\xa9e standard.\"}\n");
    assert_eq!(jsonl[0].meta.origin.kind, OriginKind::Jsonl);
    let (html, _) = read(PAGE_TWO.as_bytes());
    assert_eq!(html[0].meta.origin.kind, OriginKind::Html);
    assert_eq!(
        html[0].meta.title.as_deref(),
        Some("Marché : les producteurs de lait inquiets")
    );
    let feed = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden/chroniques.atom"),
    )
    .expect("fixture");
    let (items, _) = read(&feed);
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].meta.origin.kind, OriginKind::Feed);
    let (warc, _) = read(&crawl_records()[..3].concat());
    assert_eq!(warc.len(), 1);
    let (text, _) = read("Le texte brut d'une dépêche.".as_bytes());
    assert_eq!(text[0].text, "Le texte brut d'une dépêche.");
    let (gzipped, _) = read(&gzip(
        b"{\"id\": \"g1\", \"text\": \"Compress\xc3\xa9.\"}\n",
    ));
    assert_eq!(gzipped[0].meta.external_id.as_deref(), Some("g1"));
}

#[test]
fn legacy_encoded_text_without_declaration_is_detected() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Le préfet a décidé d'interdire la manifestation prévue à Besançon, où l'on attendait des milliers de personnes.");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, &bytes).expect("write");
    let mut documents = read_path(&path, &IngestOptions::default());
    let (ok, errors) = collect(documents.by_ref());
    assert!(errors.is_empty());
    assert!(ok[0]
        .text
        .contains("préfet a décidé d'interdire la manifestation prévue à Besançon"));
    assert!(documents.take_notes().is_empty());
}

#[test]
fn declared_language_wins_for_sidecars_and_detection_can_be_disabled() {
    let opts = IngestOptions {
        detect_language: false,
        ..IngestOptions::default()
    };
    let (ok, _) = collect(read_reader(
        std::io::Cursor::new(
            b"{\"text\": \"Hello there.\"}\n{\"text\": \"Bonjour.\", \"language\": \"fr\"}"
                .to_vec(),
        ),
        "l.jsonl",
        None,
        &opts,
    ));
    assert_eq!(ok[0].meta.language, None);
    assert_eq!(
        ok[1].meta.language.as_ref().map(|l| l.code.as_str()),
        Some("fr")
    );
}

#[test]
fn warc_output_is_the_same_with_one_or_several_extraction_threads() {
    let bytes = crawl_records().concat();
    let run = |threads: usize| {
        let opts = IngestOptions {
            threads,
            ..IngestOptions::default()
        };
        let (ok, errors) = collect(read_reader(
            std::io::Cursor::new(bytes.clone()),
            "t.warc",
            None,
            &opts,
        ));
        let texts: Vec<String> = ok
            .into_iter()
            .map(|d| format!("{:?} {}", d.meta.origin.record, d.text))
            .collect();
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        (texts, errors)
    };
    let single = run(1);
    assert_eq!(single.0.len(), 3);
    assert_eq!(run(3), single);
    assert_eq!(run(8), single);
}

/// Issue 10: a language given by the source wins over identification, and a forced one
/// (`--lang`) over both.
#[test]
fn issue10_declared_and_forced_languages_override_identification() {
    let english = "The government announced on Tuesday a series of measures to support farmers.";
    let lines = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "e1", "text": english}),
        serde_json::json!({"id": "e2", "text": english, "language": "fr"})
    );
    let read = |opts: &IngestOptions| {
        let (ok, errors) = collect(read_reader(
            std::io::Cursor::new(lines.clone().into_bytes()),
            "l.jsonl",
            None,
            opts,
        ));
        assert!(errors.is_empty(), "{errors:?}");
        ok.iter()
            .map(|d| d.meta.language.as_ref().map(|l| l.code.clone()).unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(read(&IngestOptions::default()), ["en", "fr"]);
    let forced = IngestOptions {
        language: Some("fr-FR".into()),
        ..IngestOptions::default()
    };
    assert_eq!(read(&forced), ["fr", "fr"]);
}

/// Issue 10: a truncated Atom feed keeps its complete entries and says where it broke.
#[test]
fn issue10_truncated_atom_feed_keeps_complete_entries() {
    let entry = |n: usize| {
        format!(
            "<entry><id>urn:{n}</id><title>Dépêche {n}</title><updated>2024-03-05T10:00:00Z</updated>\
             <content type=\"text\">Le ministère a annoncé mardi une réunion, numéro {n}.</content></entry>"
        )
    };
    let full = format!(
        "\u{feff}<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Flux</title>{}{}{}</feed>",
        entry(1),
        entry(2),
        entry(3)
    );
    let cut = full.find("numéro 3").unwrap();
    let mut documents = read_reader(
        std::io::Cursor::new(full.as_bytes()[..cut].to_vec()),
        "flux.atom",
        None,
        &IngestOptions::default(),
    );
    let (ok, errors) = collect(documents.by_ref());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ok.len(), 2);
    let notes: Vec<String> = documents
        .take_notes()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("flux.atom: the feed breaks after byte")),
        "{notes:?}"
    );
    // Not a feed at all: still an error naming the file.
    let (ok, errors) = collect(read_reader(
        std::io::Cursor::new(b"<rss><channel><title>x".to_vec()),
        "cassé.xml",
        None,
        &IngestOptions::default(),
    ));
    assert!(ok.is_empty());
    assert!(errors[0].to_string().starts_with("cassé.xml"), "{errors:?}");
}

/// Issue 10: a front-matter `published` that is not a date keeps the text, with a warning
/// naming the file and the line; a French day-first date is read.
#[test]
fn issue10_front_matter_bad_date_is_a_warning_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(
        &bad,
        "---\ntitle: Titre\npublished: la semaine dernière\n---\nLe ministre a parlé.",
    )
    .unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(
        &good,
        "---\npublished: 05/03/2024\n---\nLe ministre a parlé hier.",
    )
    .unwrap();
    let paths = vec![bad.display().to_string(), good.display().to_string()];
    let mut documents = read_inputs(&paths, &IngestOptions::default());
    let (ok, errors) = collect(documents.by_ref());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ok.len(), 2);
    assert!(ok[0].meta.published.is_none());
    assert_eq!(
        ok[1].meta.published.as_ref().map(|p| p.date.to_string()),
        Some("2024-03-05".to_string())
    );
    let notes: Vec<String> = documents
        .take_notes()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].starts_with(&format!("{}:3: field `published`", bad.display())),
        "{notes:?}"
    );
}
