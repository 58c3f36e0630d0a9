//! One module per command; each writes to the writer it is given.

pub mod explain;
pub mod hint;
pub mod list;
pub mod reset;
pub mod run;
