//! `opplaering/`: training modules with goals, exercises and a case.

use serde::Deserialize;

use crate::content_struct;

content_struct! {
    /// Front matter of a training module (`opplaering/<id>.md`).
    pub struct Module {
        /// The module's title.
        pub title: String,
        /// Sort order among the modules (lowest first).
        #[serde(default)]
        pub order: Option<i32>,
        /// Who the module is for.
        pub audience: String,
        /// How long it takes, e.g. "90 minutter".
        pub duration: String,
        /// Learning goals.
        pub goals: Vec<String>,
        /// Exercises: individual, in groups, in plenary.
        #[serde(default)]
        pub exercises: Vec<Exercise>,
        /// A case story (Markdown).
        #[serde(default)]
        pub case: Option<String>,
    }
}

/// One exercise of a training module.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// The exercise's title.
    pub title: String,
    /// individual, group or plenary.
    pub kind: ExerciseKind,
    /// What to do (Markdown).
    pub text: String,
}

/// How an exercise is done.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum ExerciseKind {
    Individual,
    Group,
    Plenary,
}

impl ExerciseKind {
    /// Key of the UI string naming this kind.
    pub fn ui_key(self) -> &'static str {
        match self {
            ExerciseKind::Individual => "exercise_individual",
            ExerciseKind::Group => "exercise_group",
            ExerciseKind::Plenary => "exercise_plenary",
        }
    }
}
