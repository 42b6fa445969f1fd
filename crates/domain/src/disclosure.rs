//! Disclosure control for statistics: small-cell suppression.
//!
//! A count of people in a category is a fact about those people. When a cell of a table counts only a
//! few (one person decided negative in the only "organ harvesting" referral this year), whoever knows
//! something else about them can tell who it is. So a cell counting from 1 to [`SMALLEST_SHOWN`] − 1 is
//! *hidden* (primary suppression), and when exactly one cell of a column is hidden, the smallest other
//! cell of that column is hidden too (secondary suppression: otherwise the column's total, known from
//! elsewhere, would give the hidden one back). A zero is shown (it singles nobody out) unless it is the
//! cell chosen for secondary suppression; a hidden cell therefore means "not shown", never "fewer than
//! five".
//!
//! Waymark's statistics tables that break counts of people down by a category (exploitation type today)
//! go through [`suppress`]; counts that are not broken down by anything about the person (a backlog, a
//! number of decisions) are shown as they are.

/// The smallest count shown in a suppressed table: 1 to 4 are hidden.
pub const SMALLEST_SHOWN: usize = 5;

/// One cell of a table of counts after suppression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Shown(usize),
    /// Not shown, so that nobody can be singled out.
    Hidden,
}

impl Cell {
    /// The count, if shown.
    pub fn shown(self) -> Option<usize> {
        match self {
            Cell::Shown(n) => Some(n),
            Cell::Hidden => None,
        }
    }
}

/// Suppresses one column of counts: primary suppression of 1 to [`SMALLEST_SHOWN`] − 1, then, when exactly
/// one cell is hidden, the smallest other cell (the first of equals) is hidden too.
pub fn suppress(column: &[usize]) -> Vec<Cell> {
    let mut cells: Vec<Cell> = column
        .iter()
        .map(|&n| {
            if (1..SMALLEST_SHOWN).contains(&n) {
                Cell::Hidden
            } else {
                Cell::Shown(n)
            }
        })
        .collect();
    if cells.iter().filter(|c| **c == Cell::Hidden).count() == 1 {
        let smallest = cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.shown().map(|n| (n, i)))
            .min();
        if let Some((_, i)) = smallest {
            cells[i] = Cell::Hidden;
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::Cell::{Hidden, Shown};
    use super::*;

    #[test]
    fn one_to_four_are_hidden_and_zero_and_five_are_shown() {
        assert_eq!(
            suppress(&[0, 5, 12, 1, 4]),
            vec![Shown(0), Shown(5), Shown(12), Hidden, Hidden]
        );
    }

    #[test]
    fn a_lone_hidden_cell_takes_the_smallest_other_cell_of_its_column_with_it() {
        // The total (20) is known from elsewhere: 20 - 9 - 7 would give the 4 back.
        assert_eq!(suppress(&[9, 4, 7]), vec![Shown(9), Hidden, Hidden]);
        // A zero is the smallest: hiding it loses the least, and "hidden" no longer says "1 to 4".
        assert_eq!(
            suppress(&[9, 2, 0, 0]),
            vec![Shown(9), Hidden, Hidden, Shown(0)]
        );
        // Two hidden already protect each other.
        assert_eq!(suppress(&[9, 2, 3]), vec![Shown(9), Hidden, Hidden]);
    }

    #[test]
    fn nothing_to_hide_leaves_the_column_as_it_is() {
        assert_eq!(suppress(&[]), vec![]);
        assert_eq!(suppress(&[0, 0]), vec![Shown(0), Shown(0)]);
        assert_eq!(suppress(&[3]), vec![Hidden]);
        assert_eq!(suppress(&[50, 5]), vec![Shown(50), Shown(5)]);
    }
}
