"""Checking a briefing: edits to its annotations, and saving them without losing a word. Pure (no textual).

The reader's editing keys call this package; docs/architecture-editing.md explains how it works.

**A session** (``session.Session``) holds one document being checked::

    session = Session.open(path)                 # hardened loader; notes-only when the file is read-only
    session = Session.open(path, notes_only=True)  # ``--notes-only``: the file is never written
    session = Session.for_document(doc)          # on the Document the reader already shows (edits it);
                                                 # an imported file (brat) gets a notes-only session
    session.doc                                  # the Document the panes show (changed in place)

**Edits** (``ops``) are pure functions: Document (and arguments) in, ``Revision`` out; nothing
changes until ``session.apply(revision)``. Bad input raises ``ops.EditError`` whose message is for
the person (show it through the display boundary)::

    ops.rate_claim(doc, claim_id, rating, explanation, today=None)  # rating: a ``Rating`` or its value
    ops.remove_verdict(doc, claim_id)
    ops.make_claim(doc, start, end, gloss="")                     # a passage (code points, end exclusive)
    ops.add_mention(doc, entity_id, start, end)
    ops.make_entity(doc, start, end, type, name=None)             # type: ops.ENTITY_TYPES or a custom one
    ops.remove_mention(doc, kind, ident, index)                   # kind "entity" or "event"
    ops.remove_annotation(doc, kind, ident)                       # and every reference to it
    ops.attach_source(doc, kind, ident, source_id, stance, passage=None)   # an existing source
    ops.attach_passage(doc, kind, ident, other_doc, start, end, stance)    # another document's passage
    ops.attach_new_source(doc, kind, ident, title, publisher, date_text, url, stance)
    ops.detach_source(doc, kind, ident, source_id)
    ops.set_verified(doc, kind, ident, verified)
    ops.set_note(doc, kind, ident, note)                          # "" removes the note
    ops.drafts(doc, kind=None)                                    # [(kind, id)] left to review: the count
    ops.accept_draft / ops.reject_draft(doc, kind, ident)
    ops.accept_all / ops.reject_all(doc, kind)
    ops.check_url(url), ops.check_date(text)                      # to check a form's fields as typed

    session.apply(revision)              # makes it; recorded for undo
    session.undo() / session.redo()      # the Revision undone/redone (its ``label``), or None
    session.history.can_undo / can_redo  # for ``check_action``
    session.add_bookmark(start, end, label) / session.remove_bookmark(bookmark_id)
    session.modified                     # unsaved edits? (quitting asks)
    session.on_change.append(callback)   # called with the session after each edit, undo, redo, save

Kinds are ``"entity"``, ``"event"``, ``"claim"``, ``"source"``; stances ``supports``,
``contradicts``, ``context``. Annotation objects are replaced, never changed in place: a pane
keeping an object should look it up again by id after an edit (``session.current(kind, id)``).

**Saving**::

    session.save()              # -> atomic.Written (path, through_link, owner_kept) or None
    session.save(overwrite=True)  # the file on disk is broken or deleted: write ours anyway
    session.save_as(path)       # a deleted or unwritable file: save elsewhere; the session follows
    session.check_disk()        # -> DiskState: unchanged | merged | conflicts | deleted | invalid
                                #    (call it when the live reload sees the file change)
    session.pending_conflicts() # [Conflict(kind, id, base, mine, theirs)]: show both sides
    session.resolve(kind, id, "mine" | "theirs")   # -> notes on references dropped

``save`` raises ``session.ConflictError`` (``.conflicts``) when the same annotations changed on
disk, and ``session.SaveError`` (``.code``: deleted, invalid, unwritable, shape, verify; ``str()``
for the person) when nothing could be written; the edits stay in the session either way.

**The person's layer and crash safety**::

    sidecar.sidecar_path(path)        # NAME.yaml.notes.jsonld: W3C Web Annotations beside the file
    sidecar.sidecar_items(path)       # its annotations, for ``briefing export w3c``
    session.layer_problems            # what could not be read of the sidecar
    journal.attach(session)           # unsaved edits kept in $XDG_STATE_HOME/briefing/unsaved/
    journal.pending()                 # at start: [Pending(journal, path, saved, count, same_file)]
    journal.restore(entry)            # -> (Session with the edits made again, skipped, kept aside)
    journal.discard(entry)
"""
