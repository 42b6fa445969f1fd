//! The router's own route table: every path the application answers is added through [`RouteTable`],
//! which builds the axum `Router` and keeps the list of paths beside it. The list is what the
//! cross-organisation and role probes walk (`route_paths`), so a new route is probed without anyone
//! listing it by hand.

use axum::Router;
use axum::handler::Handler;
use axum::routing::MethodRouter;
use waymark_app::App;

/// An axum `Router<App>` that remembers the path of every route added to it.
#[derive(Default)]
pub(crate) struct RouteTable {
    router: Router<App>,
    paths: Vec<String>,
}

impl RouteTable {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    pub(crate) fn route(mut self, path: &str, method_router: MethodRouter<App>) -> Self {
        self.paths.push(path.to_owned());
        self.router = self.router.route(path, method_router);
        self
    }

    pub(crate) fn merge(mut self, other: RouteTable) -> Self {
        self.paths.extend(other.paths);
        self.router = self.router.merge(other.router);
        self
    }

    pub(crate) fn nest(mut self, prefix: &str, other: RouteTable) -> Self {
        self.paths
            .extend(other.paths.into_iter().map(|p| format!("{prefix}{p}")));
        self.router = self.router.nest(prefix, other.router);
        self
    }

    pub(crate) fn fallback<H, T>(mut self, handler: H) -> Self
    where
        H: Handler<T, App>,
        T: 'static,
    {
        self.router = self.router.fallback(handler);
        self
    }

    pub(crate) fn into_parts(self) -> (Router<App>, Vec<String>) {
        (self.router, self.paths)
    }
}
