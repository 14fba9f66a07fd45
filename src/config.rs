//! Configuration: XDG paths and the user's TOML file merged over embedded defaults. (Placeholder.)
