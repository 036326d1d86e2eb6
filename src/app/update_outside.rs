//! `App::update` for handing the article to the outside: its text to a
//! pager, its link to the terminal's clipboard. (Piping to a command is in
//! `line_input`, which asks for the command.)

use super::{Action, App, Effect, check_url};

impl App {
    /// `|`, the pager and `y` in the list and the article view.
    pub(super) fn update_outside(&mut self, action: &Action) -> Vec<Effect> {
        match action {
            Action::Pipe => self.ask_pipe(),
            Action::Pager => return self.page(),
            Action::CopyLink => return self.copy_link(),
            _ => {}
        }
        Vec::new()
    }

    /// Shows the current article's plain text in `$PAGER`.
    fn page(&mut self) -> Vec<Effect> {
        let Some(article) = self.current_article() else {
            self.notify("No article to page");
            return Vec::new();
        };
        vec![Effect::Pipe {
            article,
            command: None,
            width: usize::from(self.size.text_area().width),
        }]
    }

    /// `y`: copies the article's link (checked, so only a web address goes
    /// out) through the terminal's clipboard.
    fn copy_link(&mut self) -> Vec<Effect> {
        let Some(article) = self
            .current_article()
            .and_then(|i| self.library.articles.get(i))
        else {
            return Vec::new();
        };
        let Some(link) = article.url().or(article.original_url()) else {
            self.fail("This article has no link to copy");
            return Vec::new();
        };
        match check_url(link) {
            Ok(url) => {
                self.notify(format!(
                    "Copied {} (OSC 52)",
                    crate::text::width::truncate(&url, 200)
                ));
                vec![Effect::CopyToClipboard(url)]
            }
            Err(reason) => {
                self.fail(reason.replace("Refused to open", "Refused to copy"));
                Vec::new()
            }
        }
    }
}
