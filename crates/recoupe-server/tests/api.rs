//! Every endpoint of the JSON API: status, shape, errors (issue 11).

mod common;

use axum::body::Body;
use axum::http::{header, Method, StatusCode};
use common::*;
use proptest::prelude::*;

fn assert_error(reply: &Reply, status: StatusCode, parameter: &str) {
    assert_eq!(reply.status, status, "{}", reply.body);
    let json = reply.json();
    assert_eq!(json["error"]["status"], status.as_u16());
    assert_eq!(
        reply.parameter().as_deref(),
        Some(parameter),
        "{}",
        reply.body
    );
    assert!(!json["error"]["reason"].as_str().unwrap().is_empty());
}

#[tokio::test]
async fn health_and_stats() {
    let app = read_only();
    let reply = get(&app, "/api/v1/health").await;
    assert_eq!(reply.status, StatusCode::OK);
    let json = reply.json();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["documents"], 13);
    assert_eq!(json["allow_ingest"], false);
    let stats = get(&app, "/api/v1/stats").await.json();
    assert_eq!(stats["documents"], 13);
    assert!(stats["mentions"].as_u64().unwrap() > 100);
    assert!(stats["by_outlet"].as_array().unwrap().len() >= 10);
    assert_error(
        &get(&app, "/api/v1/stats?x=1").await,
        StatusCode::BAD_REQUEST,
        "x",
    );
}

#[tokio::test]
async fn search_ranks_highlights_and_counts() {
    let app = read_only();
    let json = get(&app, "/api/v1/search?q=Hachd").await.json();
    assert!(json["total"].as_u64().unwrap() >= 1, "{json}");
    let hit = &json["hits"][0];
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    assert!(!hit["headline"].as_str().unwrap().is_empty());
    let parts = hit["snippet"].as_array().unwrap();
    assert!(parts
        .iter()
        .any(|p| p["hit"] == true && p["text"].as_str().unwrap().contains("Hachd")));
    let facets = &json["facets"];
    let outlet_total: u64 = facets["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["count"].as_u64().unwrap())
        .sum();
    assert_eq!(outlet_total, json["total"].as_u64().unwrap());
    assert!(!facets["entities"].as_array().unwrap().is_empty());
    // Accents and case are ignored.
    let plain = get(&app, "/api/v1/search?q=deir+ez-zor").await.json();
    let accented = get(&app, "/api/v1/search?q=D%C3%89IR+EZ-ZOR").await.json();
    assert_eq!(plain["total"], accented["total"]);
    assert!(plain["total"].as_u64().unwrap() >= 2);
}

/// Snippets mark the words the query matched: a prefix's words, a phrase's words, either
/// alternative; never a word left out. Every hit of an unfiltered query is scored, best
/// first.
#[tokio::test]
async fn search_snippets_follow_the_query_syntax() {
    let app = read_only();
    let marked = |json: &serde_json::Value| -> Vec<String> {
        json["hits"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|h| h["snippet"].as_array().unwrap().clone())
            .filter(|p| p["hit"] == true)
            .map(|p| p["text"].as_str().unwrap().to_lowercase())
            .collect()
    };
    let json = get(&app, "/api/v1/search?q=frap*").await.json();
    let words = marked(&json);
    assert!(!words.is_empty(), "{json}");
    assert!(words.iter().all(|w| w.starts_with("frap")), "{words:?}");
    let scores: Vec<f64> = json["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["score"].as_f64().expect("every hit scored"))
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");

    let json = get(&app, "/api/v1/search?q=%22deir+ez-zor%22").await.json();
    let words = marked(&json);
    assert!(words.iter().any(|w| w == "deir"), "{words:?}");
    assert!(
        words
            .iter()
            .all(|w| ["deir", "ez", "zor"].contains(&w.as_str())),
        "{words:?}"
    );

    let json = get(&app, "/api/v1/search?q=Hachd+OR+Daech+-Raqqa")
        .await
        .json();
    let words = marked(&json);
    assert!(!words.is_empty(), "{json}");
    assert!(
        words.iter().all(|w| w == "hachd" || w == "daech"),
        "{words:?}"
    );
}

#[tokio::test]
async fn search_filters_narrow_the_results() {
    let app = read_only();
    let all = get(&app, "/api/v1/search?limit=200").await.json();
    assert_eq!(all["total"], 13);
    assert!(all["hits"][0]["score"].is_null());
    let outlet = "courrier-du-levant";
    let json = get(&app, &format!("/api/v1/search?outlet={outlet}"))
        .await
        .json();
    assert_eq!(json["total"], 2);
    assert!(json["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["outlet"] == outlet));
    let json = get(&app, "/api/v1/search?from=2024&to=2024-06")
        .await
        .json();
    for hit in json["hits"].as_array().unwrap() {
        let day = hit["published"].as_str().unwrap();
        assert!(("2024-01-01"..="2024-06-30").contains(&day), "{day}");
    }
    let json = get(&app, "/api/v1/search?entity=actors%3Asdf").await.json();
    assert_eq!(json["total"], 3, "{json}");
    let place = get(&app, "/api/v1/places").await.json()[0]["key"]
        .as_str()
        .unwrap()
        .to_string();
    let json = get(&app, &format!("/api/v1/search?place={}", urlencode(&place)))
        .await
        .json();
    assert!(json["total"].as_u64().unwrap() >= 1);
    let page = get(&app, "/api/v1/search?limit=5&offset=10").await.json();
    assert_eq!(page["hits"].as_array().unwrap().len(), 3);
    assert_eq!(page["offset"], 10);
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn bad_search_parameters_are_400s_naming_them() {
    let app = read_only();
    for (query, parameter) in [
        ("limit=0", "limit"),
        ("limit=201", "limit"),
        ("limit=-1", "limit"),
        ("limit=1e3", "limit"),
        ("offset=100001", "offset"),
        ("from=2024-02-30", "from"),
        ("to=yesterday", "to"),
        ("from=2024-05-01&to=2024-04-01", "from"),
        ("q=a&q=b", "q"),
        ("sort=date", "sort"),
    ] {
        assert_error(
            &get(&app, &format!("/api/v1/search?{query}")).await,
            StatusCode::BAD_REQUEST,
            parameter,
        );
    }
    let long = "a".repeat(600);
    assert_error(
        &get(&app, &format!("/api/v1/search?q={long}")).await,
        StatusCode::BAD_REQUEST,
        "q",
    );
}

#[tokio::test]
async fn documents_list_and_one_document() {
    let app = read_only();
    let json = get(&app, "/api/v1/documents?limit=3").await.json();
    assert_eq!(json["total"], 13);
    assert_eq!(json["documents"].as_array().unwrap().len(), 3);
    let dates: Vec<&str> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["published"].as_str())
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {dates:?}"
    );
    assert_error(
        &get(&app, "/api/v1/documents?q=x").await,
        StatusCode::BAD_REQUEST,
        "q",
    );

    let id = id_of(&app, "demo-01").await;
    let doc = get(&app, &format!("/api/v1/documents/{id}")).await.json();
    assert_eq!(doc["meta"]["external_id"], "demo-01");
    assert!(doc["layers"]["entities"].as_array().unwrap().len() > 5);
    assert!(doc["text"].as_str().unwrap().starts_with("Les Hachd"));
    // A unique prefix works; an unknown id is a 404 naming it.
    let prefix = get(&app, &format!("/api/v1/documents/{}", &id[..10])).await;
    assert_eq!(prefix.status, StatusCode::OK);
    assert_error(
        &get(&app, "/api/v1/documents/ffffffffffffffff").await,
        StatusCode::NOT_FOUND,
        "id",
    );
    assert_error(
        &get(&app, "/api/v1/documents/%20").await,
        StatusCode::BAD_REQUEST,
        "id",
    );
}

#[tokio::test]
async fn entities_and_one_entity() {
    let app = read_only();
    let list = get(&app, "/api/v1/entities?type=ORG&limit=5").await.json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 5);
    assert!(list.iter().all(|e| e["label"] == "ORG"));
    assert!(list
        .windows(2)
        .all(|w| w[0]["mentions"].as_u64() >= w[1]["mentions"].as_u64()));
    assert_error(
        &get(&app, "/api/v1/entities?type=ANIMAL").await,
        StatusCode::BAD_REQUEST,
        "type",
    );

    let e = get(&app, "/api/v1/entities/actors%3Asdf").await.json();
    assert_eq!(e["key"], "actors:sdf");
    assert_eq!(e["label"], "ORG");
    assert!(e["aliases"].as_array().unwrap().len() >= 2);
    assert!(!e["by_month"].as_array().unwrap().is_empty());
    assert!(
        !e["said_of"].as_array().unwrap().is_empty(),
        "{}",
        e["said_of"]
    );
    assert!(!e["located"].as_array().unwrap().is_empty());
    assert!(!e["co_mentioned"].as_array().unwrap().is_empty());
    // By name too.
    let by_name = get(&app, "/api/v1/entities/FDS").await.json();
    assert_eq!(by_name["key"], "actors:sdf");
    assert_error(
        &get(&app, "/api/v1/entities/nobody%20at%20all").await,
        StatusCode::NOT_FOUND,
        "key",
    );
}

#[tokio::test]
async fn claims_places_timeline_merges() {
    let app = read_only();
    let claims = get(&app, "/api/v1/claims?speaker=Hussein%20Qassem")
        .await
        .json();
    let claims = claims.as_array().unwrap();
    assert!(!claims.is_empty());
    assert!(claims
        .iter()
        .all(|c| !c["content"].as_str().unwrap().is_empty()));
    assert_error(
        &get(&app, "/api/v1/claims").await,
        StatusCode::BAD_REQUEST,
        "speaker",
    );

    let places = get(&app, "/api/v1/places").await.json();
    let places = places.as_array().unwrap();
    assert!(places.len() >= 10);
    for p in places {
        assert!((-90.0..=90.0).contains(&p["lat"].as_f64().unwrap()));
        assert!((-180.0..=180.0).contains(&p["lon"].as_f64().unwrap()));
    }
    let recent = get(&app, "/api/v1/places?from=2024").await.json();
    assert!(recent.as_array().unwrap().len() < places.len());
    assert_error(
        &get(&app, "/api/v1/places?limit=5000").await,
        StatusCode::BAD_REQUEST,
        "limit",
    );

    let t = get(&app, "/api/v1/timeline?entity=actors%3Asdf")
        .await
        .json();
    let items = t["items"].as_array().unwrap();
    assert!(!items.is_empty());
    let dates: Vec<&str> = items.iter().map(|i| i["date"].as_str().unwrap()).collect();
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "oldest first: {dates:?}"
    );
    assert_error(
        &get(&app, "/api/v1/timeline").await,
        StatusCode::BAD_REQUEST,
        "entity",
    );
    assert_error(
        &get(&app, "/api/v1/timeline?entity=zzzz-none").await,
        StatusCode::NOT_FOUND,
        "entity",
    );

    let merges = get(&app, "/api/v1/merges").await;
    assert_eq!(merges.status, StatusCode::OK);
    assert!(merges.json().is_array());
}

#[tokio::test]
async fn a_read_only_server_refuses_writes() {
    let app = read_only();
    let ingest = send(
        &app,
        request(Method::POST, "/api/v1/documents")
            .header(header::CONTENT_TYPE, "text/plain")
            .body(Body::from("Un texte."))
            .unwrap(),
    )
    .await;
    assert_eq!(ingest.status, StatusCode::FORBIDDEN, "{}", ingest.body);
    assert!(ingest.body.contains("--allow-ingest"));
    let undo = send(
        &app,
        request(Method::POST, "/api/v1/merges/name%3AORG%3Ax/undo")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(undo.status, StatusCode::FORBIDDEN);
    let delete = send(
        &app,
        request(Method::DELETE, "/api/v1/documents")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(delete.status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn ingest_and_undo_when_allowed() {
    let (_dir, db) = store_copy();
    let merged = add_acronym_merge(&db);
    let mut config = config(&db);
    config.allow_ingest = true;
    config.body_limit = 4096;
    let app = app(config);
    let text = "Nouvelles frappes près de Mossoul\nLe porte-parole de l'armée irakienne, Yahya Rasool, a déclaré jeudi que trois positions avaient été touchées près de Mossoul.";
    let reply = send(
        &app,
        request(Method::POST, "/api/v1/documents")
            .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
            .body(Body::from(text))
            .unwrap(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.json()["ingested"], 1);
    let found = get(&app, "/api/v1/search?q=Mossoul").await.json();
    assert_eq!(found["total"], 1, "the new document is searchable at once");
    // The same text again is a duplicate, not a second document.
    let again = send(
        &app,
        request(Method::POST, "/api/v1/documents?format=text")
            .body(Body::from(text))
            .unwrap(),
    )
    .await;
    assert_eq!(again.json()["ingested"], 0);
    assert_eq!(get(&app, "/api/v1/health").await.json()["documents"], 16);

    let too_big = send(
        &app,
        request(Method::POST, "/api/v1/documents")
            .body(Body::from("x".repeat(5000)))
            .unwrap(),
    )
    .await;
    assert_eq!(too_big.status, StatusCode::PAYLOAD_TOO_LARGE);
    let empty = send(
        &app,
        request(Method::POST, "/api/v1/documents")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_error(&empty, StatusCode::BAD_REQUEST, "body");
    let bad_type = send(
        &app,
        request(Method::POST, "/api/v1/documents")
            .header(header::CONTENT_TYPE, "image/png")
            .body(Body::from("x"))
            .unwrap(),
    )
    .await;
    assert_error(
        &bad_type,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "content-type",
    );
    let bad_format = send(
        &app,
        request(Method::POST, "/api/v1/documents?format=pdf")
            .body(Body::from("x"))
            .unwrap(),
    )
    .await;
    assert_error(&bad_format, StatusCode::BAD_REQUEST, "format");

    let merges = get(&app, "/api/v1/merges").await.json();
    assert!(
        merges
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["from_key"] == merged.as_str()),
        "{merges}"
    );
    let path = format!("/api/v1/merges/{}/undo", urlencode(&merged));
    let undone = send(
        &app,
        request(Method::POST, &path).body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(undone.status, StatusCode::OK, "{}", undone.body);
    assert!(undone.json()["undone_at"].is_string());
    let twice = send(
        &app,
        request(Method::POST, &path).body(Body::empty()).unwrap(),
    )
    .await;
    assert_error(&twice, StatusCode::NOT_FOUND, "from_key");
    // A page of another site cannot make the browser undo a merge.
    let forged = send(
        &app,
        request(Method::POST, &path)
            .header(header::ORIGIN, "https://evil.example")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
}

/// issue 11: the story list, sorted by independent sources, and its filters.
#[tokio::test]
async fn stories_list_sorted_and_filtered() {
    let app = read_only();
    let reply = get(&app, "/api/v1/stories").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let list = reply.json();
    let list = list.as_array().unwrap();
    assert!(list.len() >= 11, "{}", reply.body);
    let key = |s: &serde_json::Value| {
        (
            s["independent_sources"].as_u64().unwrap(),
            s["articles"].as_u64().unwrap(),
        )
    };
    assert!(list.windows(2).all(|w| key(&w[0]) >= key(&w[1])));
    for s in list {
        assert_eq!(
            s["single_source"].as_bool().unwrap(),
            s["independent_sources"].as_u64().unwrap() <= 1
        );
        assert_eq!(
            s["disagreeing"].as_bool().unwrap(),
            s["disagreements"].as_u64().unwrap() > 0
        );
        assert!(!s["id"].as_str().unwrap().is_empty());
    }
    let by_articles = get(&app, "/api/v1/stories?sort=articles&limit=3")
        .await
        .json();
    let by_articles = by_articles.as_array().unwrap();
    assert_eq!(by_articles.len(), 3);
    assert!(by_articles
        .windows(2)
        .all(|w| w[0]["articles"].as_u64() >= w[1]["articles"].as_u64()));
    let several = get(&app, "/api/v1/stories?min_articles=2").await.json();
    assert!(several
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["articles"].as_u64().unwrap() >= 2));
    let disagreeing = get(&app, "/api/v1/stories?disagreeing=true").await.json();
    assert!(disagreeing
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["disagreeing"] == true));
    for (query, parameter) in [
        ("limit=0", "limit"),
        ("limit=201", "limit"),
        ("min_articles=x", "min_articles"),
        ("disagreeing=maybe", "disagreeing"),
        ("sort=newest", "sort"),
        ("story=1", "story"),
    ] {
        assert_error(
            &get(&app, &format!("/api/v1/stories?{query}")).await,
            StatusCode::BAD_REQUEST,
            parameter,
        );
    }
}

/// issue 11: one story with its articles (outlet, date), copy groups, facts and speakers.
#[tokio::test]
async fn one_story_and_its_facts() {
    let app = read_only();
    let story = get(&app, "/api/v1/stories?min_articles=2").await.json()[0].clone();
    let id = story["id"].as_str().unwrap();
    let reply = get(&app, &format!("/api/v1/stories/{id}")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let detail = reply.json();
    assert_eq!(detail["story"], story);
    let articles = detail["articles"].as_array().unwrap();
    assert_eq!(articles.len() as u64, story["articles"].as_u64().unwrap());
    assert!(articles.iter().any(|a| a["published"].is_string()));
    for a in articles {
        assert!(a["outlet"].is_string(), "{a}");
        assert!(!a["label"].as_str().unwrap().is_empty());
        assert!(!a["headline"].as_str().unwrap().is_empty());
        assert!(!a["appearances"].as_array().unwrap().is_empty());
    }
    // Two articles, one independent source: they copy one another.
    assert_eq!(story["independent_sources"], 1);
    let groups = detail["copy_groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["articles"].as_array().unwrap().len(), 2);
    assert!(groups[0]["links"][0]["words"].as_u64().unwrap() > 0);
    assert!(articles.iter().all(|a| a["copy_group"] == 0));
    assert!(detail["facts"].is_array() && detail["speakers"].is_array());
    for sp in detail["speakers"].as_array().unwrap() {
        for st in sp["statements"].as_array().unwrap() {
            assert!(!st["content"].as_str().unwrap().is_empty(), "{st}");
        }
    }
    // A prefix of the id and an article of the story find it; unknown ids are 404s.
    let short = &id[..10];
    assert_eq!(
        get(&app, &format!("/api/v1/stories/{short}")).await.json()["story"]["id"],
        id
    );
    let article = articles[1]["id"].as_str().unwrap();
    assert_eq!(
        get(&app, &format!("/api/v1/stories/{article}"))
            .await
            .json()["story"]["id"],
        id
    );
    assert_error(
        &get(&app, "/api/v1/stories/ffffffffffff").await,
        StatusCode::NOT_FOUND,
        "id",
    );
    assert_error(
        &get(&app, &format!("/api/v1/stories/{id}?x=1")).await,
        StatusCode::BAD_REQUEST,
        "x",
    );

    // issue 11: a story's timeline holds the dated statements and figures of its articles
    // only; entity and story together, or an unknown story, are named errors.
    let t = get(&app, &format!("/api/v1/timeline?story={short}")).await;
    assert_eq!(t.status, StatusCode::OK, "{}", t.body);
    let t = t.json();
    assert_eq!(t["subject"], "story");
    assert_eq!(t["key"], id);
    let items = t["items"].as_array().unwrap();
    assert!(!items.is_empty());
    let members: Vec<&str> = articles.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert!(items
        .iter()
        .all(|i| members.contains(&i["doc_id"].as_str().unwrap())));
    let dates: Vec<&str> = items.iter().map(|i| i["date"].as_str().unwrap()).collect();
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "oldest first: {dates:?}"
    );
    assert_error(
        &get(
            &app,
            &format!("/api/v1/timeline?story={id}&entity=actors%3Asdf"),
        )
        .await,
        StatusCode::BAD_REQUEST,
        "story",
    );
    assert_error(
        &get(&app, "/api/v1/timeline?story=ffffffffffff").await,
        StatusCode::NOT_FOUND,
        "story",
    );

    // Facts: of every story, of one, disagreeing only.
    let all = get(&app, "/api/v1/facts?limit=200").await.json();
    let all = all.as_array().unwrap();
    assert!(!all.is_empty());
    for f in all {
        let fact = &f["fact"];
        assert!(f["id"]
            .as_str()
            .unwrap()
            .starts_with(f["story"].as_str().unwrap()));
        let values = fact["values"].as_array().unwrap();
        assert!(!values.is_empty() || !fact["earlier"].as_array().unwrap().is_empty());
        for v in values {
            assert!(v["low"].as_f64().unwrap() <= v["high"].as_f64().unwrap());
            assert!(!v["shown"].as_str().unwrap().is_empty());
            assert_eq!(
                v["disagrees"],
                !v["disagrees_with"].as_array().unwrap().is_empty()
            );
        }
    }
    let story_of_first = all[0]["story"].as_str().unwrap();
    let of_one = get(&app, &format!("/api/v1/facts?story={story_of_first}"))
        .await
        .json();
    assert!(of_one
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["story"] == story_of_first));
    let disagreeing = get(&app, "/api/v1/facts?disagreeing=true").await.json();
    assert!(disagreeing
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["fact"]["disagreements"].as_u64().unwrap() > 0));
    assert_error(
        &get(&app, "/api/v1/facts?story=ffffffffffff").await,
        StatusCode::NOT_FOUND,
        "story",
    );
    for (query, parameter) in [
        ("limit=abc", "limit"),
        ("disagreeing=2", "disagreeing"),
        ("q=x", "q"),
    ] {
        assert_error(
            &get(&app, &format!("/api/v1/facts?{query}")).await,
            StatusCode::BAD_REQUEST,
            parameter,
        );
    }
}

#[tokio::test]
async fn unknown_paths_are_json_404s() {
    let app = read_only();
    let reply = get(&app, "/api/v1/nothing-here").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.json()["error"]["code"], "not_found");
}

/// The OpenAPI document lists every route with the parameters the handlers accept.
#[tokio::test]
async fn openapi_document_matches_the_handlers() {
    let app = read_only();
    let doc = get(&app, "/api/openapi.json").await.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/api/v1/health",
        "/api/v1/stats",
        "/api/v1/search",
        "/api/v1/documents",
        "/api/v1/documents/{id}",
        "/api/v1/entities",
        "/api/v1/entities/{key}",
        "/api/v1/claims",
        "/api/v1/places",
        "/api/v1/timeline",
        "/api/v1/merges",
        "/api/v1/merges/{from_key}/undo",
        "/api/v1/stories",
        "/api/v1/stories/{id}",
        "/api/v1/facts",
    ] {
        assert!(
            paths.contains_key(path),
            "{path} missing from the OpenAPI document"
        );
    }
    let query_params = |path: &str, method: &str| -> Vec<String> {
        let mut names: Vec<String> = paths[path][method]["parameters"]
            .as_array()
            .map(|ps| {
                ps.iter()
                    .filter(|p| p["in"] == "query")
                    .map(|p| p["name"].as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    };
    let sorted = |names: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort();
        v
    };
    use recoupe_server::api::*;
    assert_eq!(query_params("/api/v1/search", "get"), sorted(SEARCH_PARAMS));
    assert_eq!(
        query_params("/api/v1/documents", "get"),
        sorted(DOCUMENTS_PARAMS)
    );
    assert_eq!(
        query_params("/api/v1/entities", "get"),
        sorted(ENTITIES_PARAMS)
    );
    assert_eq!(query_params("/api/v1/claims", "get"), sorted(CLAIMS_PARAMS));
    assert_eq!(query_params("/api/v1/places", "get"), sorted(PLACES_PARAMS));
    assert_eq!(
        query_params("/api/v1/timeline", "get"),
        sorted(TIMELINE_PARAMS)
    );
    assert_eq!(
        query_params("/api/v1/documents", "post"),
        sorted(INGEST_PARAMS)
    );
    assert_eq!(
        query_params("/api/v1/stories", "get"),
        sorted(STORIES_PARAMS)
    );
    assert_eq!(query_params("/api/v1/facts", "get"), sorted(FACTS_PARAMS));
    // Each documented response schema names the fields the handler writes.
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let search = get(&app, "/api/v1/search?q=Daech").await.json();
    let declared: Vec<&String> = schemas["SearchResults"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    let written: Vec<&String> = search.as_object().unwrap().keys().collect();
    assert_eq!(declared, written);
    let hit_declared: Vec<&String> = schemas["Hit"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    let hit_written: Vec<&String> = search["hits"][0].as_object().unwrap().keys().collect();
    assert_eq!(hit_declared, hit_written);
    let keys = |value: &serde_json::Value| -> Vec<String> {
        value.as_object().unwrap().keys().cloned().collect()
    };
    let declared = |schema: &str| -> Vec<String> { keys(&schemas[schema]["properties"]) };
    let story = get(&app, "/api/v1/stories?min_articles=2").await.json()[0].clone();
    assert_eq!(declared("StoryItem"), keys(&story));
    let detail = get(
        &app,
        &format!("/api/v1/stories/{}", story["id"].as_str().unwrap()),
    )
    .await
    .json();
    assert_eq!(declared("StoryDetail"), keys(&detail));
    assert_eq!(declared("StoryArticle"), keys(&detail["articles"][0]));
    assert_eq!(declared("CopyGroup"), keys(&detail["copy_groups"][0]));
    let fact = get(&app, "/api/v1/facts?limit=1").await.json()[0].clone();
    assert_eq!(declared("FactItem"), keys(&fact));
    assert_eq!(declared("FactTable"), keys(&fact["fact"]));
    assert_eq!(declared("FactValue"), keys(&fact["fact"]["values"][0]));
}

fn value_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[0-9]{1,7}",
        "-?[0-9]{1,3}",
        "[0-9]{4}(-[0-9]{2}){0,2}",
        "\\PC{0,30}",
        Just("actors:sdf".to_string()),
        Just("%%%".to_string()),
        Just("\"unclosed".to_string()),
        Just("NEAR(a b) OR -c*".to_string()),
    ]
}

fn name_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "q",
            "outlet",
            "language",
            "from",
            "to",
            "entity",
            "place",
            "offset",
            "limit",
            "type",
            "speaker",
            "min_articles",
            "disagreeing",
            "sort",
            "story",
        ])
        .prop_map(str::to_string),
        "[a-z]{1,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Whatever the query string, every read endpoint answers 200 or a 4xx naming a
    /// parameter, with a JSON body; never a 5xx.
    #[test]
    fn any_query_string_is_answered(
        endpoint in proptest::sample::select(vec![
            "/api/v1/search", "/api/v1/documents", "/api/v1/entities", "/api/v1/claims",
            "/api/v1/places", "/api/v1/timeline", "/api/v1/stats", "/api/v1/stories", "/api/v1/facts",
            "/search", "/map", "/entities", "/timeline", "/stories",
        ]),
        pairs in proptest::collection::vec((name_strategy(), value_strategy()), 0..5),
    ) {
        let query: String = pairs
            .iter()
            .map(|(n, v)| format!("{}={}", n, urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let reply = runtime.block_on(async {
            let app = read_only();
            get(&app, &format!("{endpoint}?{query}")).await
        });
        prop_assert!(reply.status.is_success() || reply.status.is_client_error(), "{} {}: {}", endpoint, query, reply.status);
        if endpoint.starts_with("/api/") {
            let json = reply.json();
            if reply.status.is_client_error() {
                prop_assert!(json["error"]["reason"].is_string());
                if reply.status == StatusCode::BAD_REQUEST {
                    prop_assert!(json["error"]["parameter"].is_string(), "{}", reply.body);
                }
            }
        } else {
            prop_assert!(reply.body.starts_with("<!doctype html>"));
        }
    }
}

#[tokio::test]
async fn answers_are_kept_until_the_store_changes() {
    let (_dir, db) = store_copy();
    let app = app(config(&db));
    let first = get(&app, "/api/v1/search?q=FDS").await;
    assert_eq!(first.headers["x-recoupe-cache"], "miss");
    let again = get(&app, "/api/v1/search?q=FDS").await;
    assert_eq!(again.headers["x-recoupe-cache"], "hit");
    assert_eq!(first.body, again.body);
    // Errors are not kept.
    assert!(!get(&app, "/api/v1/search?limit=0")
        .await
        .headers
        .contains_key("x-recoupe-cache"));
    // Another process writes to the store: once the change is seen, answers are fresh.
    add_acronym_merge(&db);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let after = get(&app, "/api/v1/search?q=FDS").await;
    assert_eq!(after.headers["x-recoupe-cache"], "miss");
    assert!(after.json()["total"].as_u64() > first.json()["total"].as_u64());
}
