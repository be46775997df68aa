//! `opplaering/`: training modules with goals, exercises and a case.

use serde::Deserialize;

use crate::content_struct;

content_struct! {
    pub struct Module {
        pub title: String,
        #[serde(default)]
        pub order: Option<i32>,
        pub audience: String,
        pub duration: String,
        pub goals: Vec<String>,
        #[serde(default)]
        pub exercises: Vec<Exercise>,
        #[serde(default)]
        pub case: Option<String>,
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub title: String,
    pub kind: ExerciseKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
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
