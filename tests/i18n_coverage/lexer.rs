//! A small reader of Rust source for the translation check: the tokens that matter
//! (identifiers, punctuation, string literals with their values and lines), comments dropped.

#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    Ident(String),
    Punct(char),
    Str(String),
    Other,
}

#[derive(Clone, Debug)]
pub struct Spanned {
    pub token: Token,
    pub line: usize,
}

/// The tokens of a Rust source file that matter here: identifiers, punctuation and string
/// literals (comments dropped; char literals, numbers and lifetimes as `Other`).
pub fn tokens(text: &str) -> Vec<Spanned> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    let n = chars.len();
    while i < n {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c == '/' && i + 1 < n && chars[i + 1] == '/' {
            while i < n && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && i + 1 < n && chars[i + 1] == '*' {
            let mut depth = 0;
            while i < n {
                if chars[i] == '/' && i + 1 < n && chars[i + 1] == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && i + 1 < n && chars[i + 1] == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
            continue;
        }
        // Raw strings: r"..", r#".."#, br"..".
        let raw_start = if c == 'r' {
            Some(i + 1)
        } else if c == 'b' && i + 1 < n && chars[i + 1] == 'r' {
            Some(i + 2)
        } else {
            None
        };
        if let Some(mut j) = raw_start {
            let mut hashes = 0;
            while j < n && chars[j] == '#' {
                hashes += 1;
                j += 1;
            }
            if j < n && chars[j] == '"' {
                let start_line = line;
                j += 1;
                let mut value = String::new();
                while j < n {
                    if chars[j] == '"'
                        && (0..hashes).all(|k| j + 1 + k < n && chars[j + 1 + k] == '#')
                    {
                        j += 1 + hashes;
                        break;
                    }
                    if chars[j] == '\n' {
                        line += 1;
                    }
                    value.push(chars[j]);
                    j += 1;
                }
                out.push(Spanned {
                    token: Token::Str(value),
                    line: start_line,
                });
                i = j;
                continue;
            }
        }
        if c == '"' || (c == 'b' && i + 1 < n && chars[i + 1] == '"') {
            let start_line = line;
            let mut j = if c == 'b' { i + 2 } else { i + 1 };
            let mut value = String::new();
            while j < n && chars[j] != '"' {
                if chars[j] == '\\' && j + 1 < n {
                    let e = chars[j + 1];
                    match e {
                        'n' => value.push('\n'),
                        't' => value.push('\t'),
                        '\n' => {
                            line += 1;
                            j += 2;
                            while j < n && chars[j].is_whitespace() {
                                if chars[j] == '\n' {
                                    line += 1;
                                }
                                j += 1;
                            }
                            continue;
                        }
                        other => value.push(other),
                    }
                    j += 2;
                    continue;
                }
                if chars[j] == '\n' {
                    line += 1;
                }
                value.push(chars[j]);
                j += 1;
            }
            out.push(Spanned {
                token: Token::Str(value),
                line: start_line,
            });
            i = j + 1;
            continue;
        }
        if c == '\'' {
            // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
            if i + 1 < n && chars[i + 1] == '\\' {
                let mut j = i + 2;
                while j < n && chars[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
            } else if i + 2 < n && chars[i + 2] == '\'' {
                i += 3;
            } else {
                i += 1;
                while i < n && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
            }
            out.push(Spanned {
                token: Token::Other,
                line,
            });
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            let mut j = i;
            let mut word = String::new();
            while j < n && (chars[j].is_alphanumeric() || chars[j] == '_') {
                word.push(chars[j]);
                j += 1;
            }
            out.push(Spanned {
                token: Token::Ident(word),
                line,
            });
            i = j;
            continue;
        }
        if c.is_ascii_digit() {
            while i < n && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '.') {
                i += 1;
            }
            out.push(Spanned {
                token: Token::Other,
                line,
            });
            continue;
        }
        out.push(Spanned {
            token: Token::Punct(c),
            line,
        });
        i += 1;
    }
    out
}

pub fn is_punct(t: &Spanned, c: char) -> bool {
    t.token == Token::Punct(c)
}

pub fn is_ident(t: &Spanned, name: &str) -> bool {
    matches!(&t.token, Token::Ident(w) if w == name)
}

/// The index of the bracket that closes the one at `open`.
pub fn closing(tokens: &[Spanned], open: usize) -> usize {
    let (o, c) = match tokens[open].token {
        Token::Punct('(') => ('(', ')'),
        Token::Punct('[') => ('[', ']'),
        _ => ('{', '}'),
    };
    let mut depth = 0;
    for (i, t) in tokens.iter().enumerate().skip(open) {
        if is_punct(t, o) {
            depth += 1;
        } else if is_punct(t, c) {
            depth -= 1;
            if depth == 0 {
                return i;
            }
        }
    }
    tokens.len() - 1
}
