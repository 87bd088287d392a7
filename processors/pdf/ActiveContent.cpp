#include "processors/pdf/ActiveContent.h"

#include <cstring>
#include <set>

namespace dossier {
namespace {

using namespace PoDoFo;

// Action chains and form trees deeper than this are cut: no honest file
// nests so far, and a hostile one must not exhaust the stack.
constexpr int kMaxDepth = 64;

// The report's code for an action type; nullptr for the actions that only
// move within the document or change what it shows.
const char* ActionKind(const std::string& type) {
  for (const char* harmless : {"GoTo", "Named", "Thread", "SetOCGState", "Trans"})
    if (type == harmless) return nullptr;
  static const std::pair<const char*, const char*> kKinds[] = {{"JavaScript", "javascript"},
                                                               {"Launch", "launch"},
                                                               {"SubmitForm", "submit_form"},
                                                               {"ImportData", "import_data"},
                                                               {"ResetForm", "reset_form"},
                                                               {"Hide", "hide"},
                                                               {"GoToR", "remote_goto"},
                                                               {"GoToE", "remote_goto"},
                                                               {"URI", "link"},
                                                               {"Movie", "rich_media"},
                                                               {"Sound", "rich_media"},
                                                               {"Rendition", "rich_media"},
                                                               {"RichMediaExecute", "rich_media"},
                                                               {"GoTo3DView", "rich_media"}};
  for (const auto& [name, kind] : kKinds)
    if (type == name) return kind;
  return "action";
}

// Annotations that are active content themselves, whatever their actions.
const char* AnnotationKind(const std::string& subtype) {
  if (subtype == "FileAttachment") return "embedded_file";
  for (const char* media : {"RichMedia", "Movie", "Sound", "Screen", "3D"})
    if (subtype == media) return "rich_media";
  return nullptr;
}

std::string NameOf(const PdfObject* object) {
  return object && object->IsName() ? object->GetName().GetName() : std::string();
}

class ActiveContentSweep {
 public:
  ActiveContentSweep(PdfMemDocument& doc, bool remove) : doc_(doc), remove_(remove) {}

  ActiveContentKinds Run() {
    PdfDictionary& catalog = doc_.GetCatalog()->GetDictionary();
    SweepNames(catalog);
    SweepActionKey(catalog, "OpenAction", 0);
    SweepAdditionalActions(catalog);
    SweepForm(catalog);
    SweepOutlineItems(Key(catalog, "Outlines"), 0);
    SweepAssociatedFiles(catalog);
    for (int i = 0; i < doc_.GetPageCount(); ++i) {
      PdfDictionary& page = doc_.GetPage(i)->GetObject()->GetDictionary();
      SweepAdditionalActions(page);
      SweepAnnotations(page);
      SweepAssociatedFiles(page);
    }
    return ActiveContentKinds(found_.begin(), found_.end());
  }

 private:
  PdfObject* Resolve(PdfObject* object) {
    if (object && object->IsReference()) return doc_.GetObjects().GetObject(object->GetReference());
    return object;
  }

  PdfObject* Key(PdfDictionary& dict, const char* key) {
    return Resolve(dict.GetKey(PdfName(key)));
  }

  PdfDictionary* DictionaryAt(PdfDictionary& dict, const char* key) {
    PdfObject* object = Key(dict, key);
    return object && object->IsDictionary() ? &object->GetDictionary() : nullptr;
  }

  // True the first time an indirect object is met in `seen`: outline
  // siblings, field kids and action chains may loop back, or name one
  // action many times (a chain of 60 actions each naming the next twice
  // would otherwise be walked 2^60 times).
  static bool FirstVisit(const PdfObject& object, std::set<PdfReference>& seen) {
    const PdfReference& reference = object.Reference();
    return reference.ObjectNumber() == 0 || seen.insert(reference).second;
  }

  void Drop(PdfDictionary& owner, const char* key, const char* kind) {
    if (!owner.HasKey(PdfName(key))) return;
    found_.insert(kind);
    if (remove_) owner.RemoveKey(PdfName(key));
  }

  const char* Kind(PdfObject* action) {
    if (!action || !action->IsDictionary()) return nullptr;
    PdfObject* type = Key(action->GetDictionary(), "S");
    return type && type->IsName() ? ActionKind(NameOf(type)) : nullptr;
  }

  // Records the kinds of `action` and of every action chained after it.
  void RecordChain(PdfObject* action, int depth) {
    if (!action || depth > kMaxDepth || !FirstVisit(*action, recorded_)) return;
    if (action->IsArray()) {
      for (PdfObject& next : action->GetArray()) RecordChain(Resolve(&next), depth + 1);
      return;
    }
    if (!action->IsDictionary()) return;
    if (const char* kind = Kind(action)) found_.insert(kind);
    RecordChain(Key(action->GetDictionary(), "Next"), depth + 1);
  }

  // The action under `key` goes with its chain when it is active; else the
  // active actions of its chain go. Every owner of an active action loses
  // it; a harmless action's chain is swept once.
  void SweepActionKey(PdfDictionary& owner, const char* key, int depth) {
    PdfObject* action = Key(owner, key);
    if (!action || depth > kMaxDepth) return;
    if (action->IsArray() && std::strcmp(key, "Next") == 0)
      return SweepNextArray(owner, *action, depth);
    if (!action->IsDictionary()) return;  // an /OpenAction may be a destination
    if (Kind(action)) {
      RecordChain(action, depth);
      if (remove_) owner.RemoveKey(PdfName(key));
      return;
    }
    if (FirstVisit(*action, swept_)) SweepActionKey(action->GetDictionary(), "Next", depth + 1);
  }

  void SweepNextArray(PdfDictionary& owner, PdfObject& chain, int depth) {
    PdfArray kept;
    for (PdfObject& next : chain.GetArray()) {
      PdfObject* action = Resolve(&next);
      if (Kind(action)) {
        RecordChain(action, depth + 1);
        continue;
      }
      if (action && action->IsDictionary() && FirstVisit(*action, swept_))
        SweepActionKey(action->GetDictionary(), "Next", depth + 1);
      kept.push_back(next);
    }
    if (!remove_ || kept.GetSize() == chain.GetArray().GetSize()) return;
    if (kept.empty())
      owner.RemoveKey(PdfName("Next"));
    else
      chain.GetArray() = kept;
  }

  // /AA: the actions run on opening, closing, printing, typing…
  void SweepAdditionalActions(PdfDictionary& owner) {
    PdfDictionary* actions = DictionaryAt(owner, "AA");
    if (!actions) return;
    std::vector<std::string> triggers;
    for (const auto& [trigger, value] : actions->GetKeys()) triggers.push_back(trigger.GetName());
    for (const std::string& trigger : triggers) SweepActionKey(*actions, trigger.c_str(), 0);
    if (remove_ && actions->GetKeys().empty()) owner.RemoveKey(PdfName("AA"));
  }

  void SweepNames(PdfDictionary& catalog) {
    PdfDictionary* names = DictionaryAt(catalog, "Names");
    if (!names) return;
    Drop(*names, "JavaScript", "javascript");
    Drop(*names, "EmbeddedFiles", "embedded_file");
  }

  // PDF 2.0's associated files are embedded files by another door.
  void SweepAssociatedFiles(PdfDictionary& owner) { Drop(owner, "AF", "embedded_file"); }

  void SweepForm(PdfDictionary& catalog) {
    PdfDictionary* form = DictionaryAt(catalog, "AcroForm");
    if (!form) return;
    Drop(*form, "XFA", "xfa");
    if (remove_) form->RemoveKey(PdfName("NeedsRendering"));  // asks for the XFA just removed
    SweepFields(Key(*form, "Fields"), 0);
  }

  void SweepFields(PdfObject* fields, int depth) {
    if (!fields || !fields->IsArray() || depth > kMaxDepth) return;
    for (PdfObject& entry : fields->GetArray()) {
      PdfObject* field = Resolve(&entry);
      if (!field || !field->IsDictionary() || !FirstVisit(*field, visited_)) continue;
      SweepActionKey(field->GetDictionary(), "A", 0);
      SweepAdditionalActions(field->GetDictionary());
      SweepFields(Key(field->GetDictionary(), "Kids"), depth + 1);
    }
  }

  void SweepOutlineItems(PdfObject* parent, int depth) {
    if (!parent || !parent->IsDictionary() || depth > kMaxDepth) return;
    PdfObject* item = Key(parent->GetDictionary(), "First");
    while (item && item->IsDictionary() && FirstVisit(*item, visited_)) {
      SweepActionKey(item->GetDictionary(), "A", 0);
      SweepOutlineItems(item, depth + 1);
      item = Key(item->GetDictionary(), "Next");
    }
  }

  void SweepAnnotations(PdfDictionary& page) {
    PdfObject* annots = Key(page, "Annots");
    if (!annots || !annots->IsArray()) return;
    PdfArray kept;
    for (PdfObject& entry : annots->GetArray()) {
      PdfObject* annot = Resolve(&entry);
      if (annot && annot->IsDictionary()) {
        PdfDictionary& dict = annot->GetDictionary();
        if (const char* kind = AnnotationKind(NameOf(Key(dict, "Subtype")))) {
          found_.insert(kind);
          continue;
        }
        SweepActionKey(dict, "A", 0);
        SweepAdditionalActions(dict);
      }
      kept.push_back(entry);
    }
    if (remove_ && kept.GetSize() != annots->GetArray().GetSize()) annots->GetArray() = kept;
  }

  PdfMemDocument& doc_;
  bool remove_;
  std::set<std::string> found_;
  std::set<PdfReference> visited_;   // fields and outline items
  std::set<PdfReference> recorded_;  // actions whose kinds are recorded
  std::set<PdfReference> swept_;     // harmless actions whose chains were swept
};

// Adds the indirect objects `value` refers to, however deeply nested in
// dictionaries and arrays, to `pending`.
void CollectReferences(const PdfObject& value, std::vector<PdfReference>& pending) {
  if (value.IsReference()) {
    pending.push_back(value.GetReference());
  } else if (value.IsArray()) {
    for (const PdfObject& item : value.GetArray()) CollectReferences(item, pending);
  } else if (value.IsDictionary()) {
    for (const auto& entry : value.GetDictionary().GetKeys())
      CollectReferences(*entry.second, pending);
  }
}

// The removed dictionaries are still objects of the document, and PoDoFo
// writes and appends every object it holds, referenced or not: what the
// trailer no longer reaches is deleted. (PoDoFo's own CollectGarbage
// renumbers the document and still writes the orphans.)
void DropUnreachableObjects(PdfMemDocument& doc) {
  PdfVecObjects& objects = doc.GetObjects();
  std::set<PdfReference> reached;
  std::vector<PdfReference> pending;
  CollectReferences(*doc.GetTrailer(), pending);
  while (!pending.empty()) {
    PdfReference reference = pending.back();
    pending.pop_back();
    if (!reached.insert(reference).second) continue;
    if (const PdfObject* object = objects.GetObject(reference)) CollectReferences(*object, pending);
  }
  std::vector<PdfReference> orphans;
  for (const PdfObject* object : objects)
    if (object && !reached.count(object->Reference())) orphans.push_back(object->Reference());
  for (const PdfReference& orphan : orphans) delete objects.RemoveObject(orphan);
}

}  // namespace

ActiveContentKinds RemoveActiveContent(PoDoFo::PdfMemDocument& doc) {
  ActiveContentKinds removed = ActiveContentSweep(doc, true).Run();
  if (!removed.empty()) DropUnreachableObjects(doc);
  return removed;
}

ActiveContentKinds FindActiveContent(PoDoFo::PdfMemDocument& doc) {
  return ActiveContentSweep(doc, false).Run();
}

}  // namespace dossier
