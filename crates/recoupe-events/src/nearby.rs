//! The items of a document layer near the sentence being read, found by a sweep over the
//! sentences in text order rather than by a scan of the whole layer for every sentence
//! (which made one long document quadratic: a 5 MB report has tens of thousands of
//! attributions, dates and quantities).

use recoupe_model::Span;

/// A sweep over one layer: for each sentence in turn, the items whose span (`hull`)
/// overlaps it, in layer order.
pub(crate) struct Sweep<'d, T> {
    items: &'d [T],
    hull: fn(&T) -> Span,
    /// Indices of `items` by start of their hull.
    order: Vec<usize>,
    /// Next position in `order` not yet taken in.
    next: usize,
    /// Items taken in that may still overlap the current sentence or a later one.
    active: Vec<usize>,
    /// Start of the last sentence asked about.
    last: usize,
}

impl<'d, T> Sweep<'d, T> {
    pub(crate) fn new(items: &'d [T], hull: fn(&T) -> Span) -> Self {
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by_key(|&k| hull(&items[k]).start);
        Sweep {
            items,
            hull,
            order,
            next: 0,
            active: Vec::new(),
            last: 0,
        }
    }

    /// The items whose hull overlaps `sentence` (ends included), in layer order: every
    /// item inside the sentence, containing a part of it or touching it. Sentences are
    /// expected in text order; one before the previous restarts the sweep.
    pub(crate) fn at(&mut self, sentence: Span) -> Vec<&'d T> {
        if sentence.start < self.last {
            self.next = 0;
            self.active.clear();
        }
        self.last = sentence.start;
        let (items, hull) = (self.items, self.hull);
        while let Some(&k) = self.order.get(self.next) {
            if hull(&items[k]).start > sentence.end {
                break;
            }
            self.active.push(k);
            self.next += 1;
        }
        // An item ending before this sentence ends before every later one too.
        self.active
            .retain(|&k| hull(&items[k]).end >= sentence.start);
        let mut near = self.active.clone();
        near.sort_unstable();
        near.into_iter().map(|k| &items[k]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(spans: &[Span], s: Span) -> Vec<Span> {
        spans
            .iter()
            .filter(|h| h.start <= s.end && h.end >= s.start)
            .copied()
            .collect()
    }

    #[test]
    fn a_sweep_finds_what_a_scan_finds_in_layer_order() {
        // Unsorted, nested, long and empty spans.
        let spans = vec![
            Span::new(50, 60),
            Span::new(0, 200),
            Span::new(10, 12),
            Span::new(75, 75),
            Span::new(30, 95),
            Span::new(120, 130),
            Span::new(5, 9),
        ];
        let sentences = [
            Span::new(0, 20),
            Span::new(21, 49),
            Span::new(50, 75),
            Span::new(76, 140),
            Span::new(141, 300),
        ];
        let mut sweep = Sweep::new(&spans, |s| *s);
        for s in sentences {
            let got: Vec<Span> = sweep.at(s).into_iter().copied().collect();
            assert_eq!(got, naive(&spans, s), "sentence {s:?}");
        }
        // Asked again from the start, it starts over.
        let got: Vec<Span> = sweep.at(sentences[0]).into_iter().copied().collect();
        assert_eq!(got, naive(&spans, sentences[0]));
    }
}
