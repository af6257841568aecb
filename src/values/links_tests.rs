//! Tests for predecessor links in MS Project form and in words.

use super::*;

fn link(target: &str, kind: LinkKind, lag_days: i64) -> Option<Link> {
    Some(Link {
        target: target.to_string(),
        kind,
        lag_days,
    })
}

#[test]
fn ms_project_forms() {
    use LinkKind::*;
    assert_eq!(parse_link("3FS"), link("3", FinishToStart, 0));
    assert_eq!(parse_link("1FS"), link("1", FinishToStart, 0));
    assert_eq!(parse_link("3SS+2"), link("3", StartToStart, 2));
    assert_eq!(parse_link("3FF"), link("3", FinishToFinish, 0));
    assert_eq!(parse_link(" 12 ss + 2 days"), link("12", StartToStart, 2));
    assert_eq!(parse_link("5FS-1d"), link("5", FinishToStart, -1));
    assert_eq!(parse_link("1.2FS+1w"), link("1.2", FinishToStart, 7));
    assert_eq!(parse_link("T3SF"), link("T3", StartToFinish, 0));
    assert_eq!(parse_link("３ＦＳ＋２天"), link("3", FinishToStart, 2));
}

#[test]
fn links_in_words() {
    use LinkKind::FinishToStart;
    assert_eq!(
        parse_link("after 物料设计"),
        link("物料设计", FinishToStart, 0)
    );
    assert_eq!(
        parse_link("After KV design"),
        link("KV design", FinishToStart, 0)
    );
    assert_eq!(
        parse_link("物料设计之后"),
        link("物料设计", FinishToStart, 0)
    );
    assert_eq!(
        parse_link("在物料设计完成后"),
        link("物料设计", FinishToStart, 0)
    );
    assert_eq!(parse_link("等主播确定"), link("主播确定", FinishToStart, 0));
    assert_eq!(
        parse_link("KV design is done"),
        link("KV design", FinishToStart, 0)
    );
}

#[test]
fn plain_ids_and_names_are_not_links() {
    for text in [
        "3",
        "T1.2",
        "物料设计",
        "FS",
        "FFS launch",
        "2FF活动",
        "",
        "之后",
    ] {
        assert_eq!(parse_link(text), None, "{text}");
    }
}
