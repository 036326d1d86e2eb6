use super::*;

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse(text, Path::new("/cfg/inkstone/config.yaml"))
}

fn error(text: &str) -> ConfigError {
    parse(text).expect_err(text)
}

#[test]
fn the_shipped_default_is_the_default() {
    let parsed = parse(DEFAULT_YAML).unwrap();
    assert_eq!(
        Config {
            source: None,
            ..parsed
        },
        Config::default()
    );
    assert!(Config::default().mouse);
    assert_eq!(Config::default().date_format, "%Y-%m-%d");
}

#[test]
fn empty_or_comment_only_file_is_the_default() {
    for text in ["", "\n", "# nothing\n"] {
        assert_eq!(
            Config {
                source: None,
                ..parse(text).unwrap()
            },
            Config::default()
        );
    }
}

#[test]
fn reads_every_setting() {
    let text = "library:\n  - ~/news\n  - rel/archive\n  - /abs\nkeys:\n  list:\n    Ctrl-d: page_down\n    x: toggle_mark\ntheme: mono\n\
                colors:\n  unread: bold white\ndate_format: \"%d %b %Y\"\nambiguous_width: 2\nmouse: false\n";
    let c = parse(text).unwrap();
    let home = directories::BaseDirs::new()
        .unwrap()
        .home_dir()
        .to_path_buf();
    assert_eq!(
        c.library,
        [
            home.join("news"),
            PathBuf::from("/cfg/inkstone/rel/archive"),
            PathBuf::from("/abs")
        ]
    );
    assert_eq!(
        c.keys[1],
        KeyOverride {
            section: "list".into(),
            key: "x".into(),
            action: "toggle_mark".into(),
            line: Some(8)
        }
    );
    assert_eq!(c.theme, ThemeName::Mono);
    assert!(c.colors.unread.is_some());
    assert_eq!(
        c.format_date(chrono::NaiveDate::from_ymd_opt(2019, 6, 12).unwrap()),
        "12 Jun 2019"
    );
    assert!(c.ambiguous_wide && !c.mouse);
}

#[test]
fn errors_name_file_line_and_key() {
    let cases = [
        (
            "mouse: true\nmose: false\n",
            2,
            "mose",
            "unknown key `mose`",
        ),
        (
            "colors:\n  title: red\n  unred: bold\n",
            3,
            "colors.unred",
            "unknown key `unred`",
        ),
        (
            "colors:\n  unread: bold chartreuse\n",
            2,
            "colors.unread",
            "`chartreuse` is not a colour",
        ),
        (
            "theme: solarized\n",
            1,
            "theme",
            "unknown variant `solarized`",
        ),
        (
            "\n\ndate_format: \"%H:%M\"\n",
            3,
            "date_format",
            "only a date",
        ),
        ("time_format: \"%Y\"\n", 1, "time_format", "time of day"),
        (
            "ambiguous_width: 3\n",
            1,
            "ambiguous_width",
            "must be 1 or 2",
        ),
        ("mouse: yes\n", 1, "mouse", "expected a boolean"),
        ("library:\n  - [1]\n", 2, "library", "invalid type"),
        (
            "keys:\n  list:\n    j: [down]\n",
            3,
            "keys",
            "expected a string",
        ),
    ];
    for (text, line, key, message) in cases {
        let e = error(text);
        assert_eq!(e.line, Some(line), "{text:?} -> {e}");
        assert!(
            e.key.as_deref().is_some_and(|k| k.starts_with(key)),
            "{text:?} -> {e}"
        );
        assert!(e.message.contains(message), "{text:?} -> {e}");
        assert!(
            e.to_string()
                .starts_with(&format!("/cfg/inkstone/config.yaml:{line}: ")),
            "{e}"
        );
    }
}

#[test]
fn syntax_errors_have_a_line_and_never_panic() {
    let e = error("mouse: true\ncolors: {unread: \"bold\n");
    assert!(e.line.is_some(), "{e}");
    for text in [
        "- a\n",
        ": :\n",
        "a: &x [*x]\n",
        "\t\tmouse: true\n",
        "{{{{",
        "keys:\n  ? [a]\n  : b\n",
    ] {
        let _ = parse(text);
    }
}

#[test]
fn no_color_wins_over_the_theme() {
    let c = Config::default();
    assert!(!c.monochrome_given(None));
    assert!(
        !c.monochrome_given(Some(std::ffi::OsStr::new(""))),
        "empty NO_COLOR does not count"
    );
    assert!(c.monochrome_given(Some(std::ffi::OsStr::new("1"))));
    let mono = Config {
        theme: ThemeName::Mono,
        ..Config::default()
    };
    assert!(mono.monochrome_given(None));
}

/// The default file with every commented example (`#  ` before indented
/// YAML) uncommented.
fn default_with_examples() -> String {
    DEFAULT_YAML
        .lines()
        .map(|line| match line.strip_prefix('#') {
            Some(example) if example.starts_with("  ") => example,
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_example_in_the_default_file_is_accepted() {
    let text = default_with_examples();
    let c = parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(c.library.len(), 2, "{text}");
    let keys: Vec<_> = c
        .keys
        .iter()
        .map(|k| format!("{}.{}: {}", k.section, k.key, k.action))
        .collect();
    assert_eq!(
        keys,
        [
            "list.Ctrl-f: page_down",
            "list.Ctrl-b: page_up",
            "detail.n: next_article"
        ]
    );
    let heading = c.colors.heading.expect("the heading example");
    assert_eq!(
        heading.0,
        ratatui::style::Style::new()
            .bold()
            .fg(ratatui::style::Color::Rgb(0x5f, 0x87, 0xff))
    );
    assert!(c.colors.unread.is_some() && c.colors.selected.is_some());
    // The examples as the issue quoted them, `heading: bold "#5f87ff"`.
    let c = parse("colors:\n  heading: bold \"#5f87ff\"\n").unwrap();
    assert_eq!(c.colors.heading, Some(heading));
}

#[test]
fn yaml_syntax_errors_are_said_in_the_files_terms() {
    let cases = [
        (
            "mouse: true\ntheme: [unclosed\n",
            "/cfg/inkstone/config.yaml:2: not valid YAML: a list opened with `[` is not closed with `]`",
        ),
        (
            "mouse: true\ncolors: {unread: bold\n",
            "/cfg/inkstone/config.yaml:2: not valid YAML: a map opened with `{` is not closed with `}`",
        ),
        (
            "colors:\n  unread: \"bold\n\nmouse: true\n",
            "/cfg/inkstone/config.yaml:2: not valid YAML: a quote is not closed: a value that starts with \" or ' must end with the same quote",
        ),
        (
            "mouse: true\n\tcolors: x\n",
            "/cfg/inkstone/config.yaml:2: not valid YAML: indent with spaces, not tabs",
        ),
        (
            "colors:\n unread: bold\n  title: red\n",
            "/cfg/inkstone/config.yaml:3: not valid YAML: a `:` where YAML does not expect one: put quotes around a value that has `: ` in it, or check this line's indentation against the lines above",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(error(text).to_string(), expected, "{text:?}");
    }
    // Valid YAML of the wrong kind says what was expected, not serde's
    // words for a Rust enum or struct.
    let e = error("theme: [mono]\n").to_string();
    assert!(!e.contains("YAML tag"), "{e}");
    assert!(e.contains("`default` or `mono`"), "{e}");
    let e = error("- mouse\n").to_string();
    assert!(!e.contains("RawConfig"), "{e}");
}
