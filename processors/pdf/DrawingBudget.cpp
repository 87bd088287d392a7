#include "processors/pdf/DrawingBudget.h"

// qpdf 11 asks callers to choose how PointerHolder behaves; we use none of it.
#define POINTERHOLDER_TRANSITION 4
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

#include "core/messages/PdfMessages.h"
#include "core/report/Refusal.h"
#include "processors/pdf/ContentTally.h"
#include "processors/pdf/PageArea.h"

namespace dossier {
namespace {

constexpr std::uint64_t kTop = std::numeric_limits<std::uint64_t>::max();

std::uint64_t Plus(std::uint64_t a, std::uint64_t b) {
  return a > kTop - b ? kTop : a + b;
}

std::uint64_t Times(std::uint64_t a, std::uint64_t b) {
  return b != 0 && a > kTop / b ? kTop : a * b;
}

// `drawn`, drawn `times` times more by `cost`.
void AddDrawn(DrawingCost& cost, const DrawingCost& drawn, std::uint64_t times) {
  cost.operators = Plus(cost.operators, Times(drawn.operators, times));
  cost.form_draws = Plus(cost.form_draws, Times(drawn.form_draws, times));
  cost.image_pixels = Plus(cost.image_pixels, Times(drawn.image_pixels, times));
  cost.content_bytes = Plus(cost.content_bytes, Times(drawn.content_bytes, times));
  cost.form_depth = std::max(cost.form_depth, drawn.form_depth);
}

void KeepLargest(DrawingCost& largest, const DrawingCost& cost) {
  largest.operators = std::max(largest.operators, cost.operators);
  largest.form_draws = std::max(largest.form_draws, cost.form_draws);
  largest.image_pixels = std::max(largest.image_pixels, cost.image_pixels);
  largest.content_bytes = std::max(largest.content_bytes, cost.content_bytes);
  largest.form_depth = std::max(largest.form_depth, cost.form_depth);
}

// Feeds a stream's decoded bytes to a ContentTally and stops the decode as
// soon as the tally is past a cap: qpdf abandons a stream whose pipeline
// throws, so a bomb is inflated no further than the cap.
class TallyPipeline : public Pipeline {
 public:
  TallyPipeline(ContentTally& tally, std::uint64_t max_operators, std::uint64_t max_bytes)
      : Pipeline("drawing budget", nullptr),
        tally_(tally),
        max_operators_(max_operators),
        max_bytes_(max_bytes) {}

  void write(unsigned char const* data, size_t size) override {
    if (stopped_) throw std::length_error("drawing budget reached");
    tally_.Feed(data, size);
    if (tally_.operators() > max_operators_ || tally_.bytes() > max_bytes_) {
      stopped_ = true;
      throw std::length_error("drawing budget reached");
    }
  }
  void finish() override {}
  bool stopped() const { return stopped_; }

 private:
  ContentTally& tally_;
  std::uint64_t max_operators_, max_bytes_;
  bool stopped_ = false;
};

// The resources a content stream's names are looked up in, and the page or
// form they belong to: a form without its own resources uses its caller's,
// so it is measured once per owner of the resources it is drawn with.
struct Scope {
  QPDFObjectHandle resources;
  QPDFObjGen owner;
};

std::string ObjectName(const QPDFObjGen& object) {
  return "object " + std::to_string(object.getObj()) + " " + std::to_string(object.getGen());
}

double Number(QPDFObjectHandle value) {
  return value.isNumber() ? value.getNumericValue() : 0;
}

// A declared side as a pixel count: negative or absurd values are clamped
// so that a product of two stays within 64 bits.
std::uint64_t Side(double value) {
  if (!(value > 0)) return 0;
  return static_cast<std::uint64_t>(std::min(value, 4294967296.0));
}

std::vector<QPDFObjectHandle> Streams(QPDFObjectHandle contents) {
  std::vector<QPDFObjectHandle> streams;
  if (contents.isStream()) streams.push_back(contents);
  if (contents.isArray())
    for (int i = 0; i < contents.getArrayNItems(); ++i)
      if (contents.getArrayItem(i).isStream()) streams.push_back(contents.getArrayItem(i));
  return streams;
}

// The normal appearances an annotation may show: a renderer draws one of
// them with the page; every state is counted, as if each were drawn once.
std::vector<QPDFObjectHandle> Appearances(QPDFObjectHandle page) {
  std::vector<QPDFObjectHandle> found;
  QPDFObjectHandle annots = page.getKey("/Annots");
  if (!annots.isArray()) return found;
  for (int i = 0; i < annots.getArrayNItems(); ++i) {
    QPDFObjectHandle annot = annots.getArrayItem(i);
    if (!annot.isDictionary()) continue;
    QPDFObjectHandle ap = annot.getKey("/AP");
    QPDFObjectHandle normal = ap.isDictionary() ? ap.getKey("/N") : QPDFObjectHandle();
    if (normal.isStream()) found.push_back(normal);
    if (normal.isDictionary())
      for (const std::string& state : normal.getKeys())
        if (normal.getKey(state).isStream()) found.push_back(normal.getKey(state));
  }
  return found;
}

class DrawingBudgetPass {
 public:
  DrawingBudgetPass(const InputFile& file, const HardLimits& limits)
      : file_(file), limits_(limits) {}

  DrawingMeasure Run() {
    std::vector<QPDFPageObjectHelper> pages;
    try {
      pdf_.setSuppressWarnings(true);
      pdf_.processMemoryFile(file_.name.c_str(), file_.bytes.data(), file_.bytes.size());
      pages = QPDFPageDocumentHelper(pdf_).getAllPages();
    } catch (const std::exception&) {
      return measure_;
    }
    measure_.measured = true;
    measure_.pages = static_cast<int>(pages.size());
    if (pages.size() > static_cast<std::size_t>(limits_.max_pages_per_file))
      throw Refusal(
          RefusalReason::Limits,
          TooManyPagesInFileMessage(file_.name, measure_.pages, limits_.max_pages_per_file),
          file_.name + ": " + std::to_string(pages.size()) + " pages");
    for (QPDFPageObjectHelper& page : pages) {
      ++page_;
      try {
        MeasurePage(page);
      } catch (const Refusal&) {
        throw;
      } catch (const std::exception&) {
        // An object qpdf cannot read: the page is not measured, nor is the
        // file, which the caller then measures as another library reads it.
        measure_.measured = false;
      }
    }
    measure_.decoded_bytes = decoded_;
    return measure_;
  }

 private:
  void MeasurePage(QPDFPageObjectHelper& page) {
    QPDFObjectHandle dict = page.getObjectHandle();
    CheckBox(page);
    Scope scope{page.getAttribute("/Resources", false), dict.getObjGen()};
    DrawingCost cost =
        MeasureContent(Streams(dict.getKey("/Contents")), scope, 0, dict.getObjGen());
    for (QPDFObjectHandle appearance : Appearances(dict)) {
      AddDrawn(cost, MeasureForm(appearance, scope, 1), 1);
      cost.form_draws = Plus(cost.form_draws, 1);
      CheckWithinPage(cost, appearance.getObjGen());
    }
    AddDrawn(measure_.document, cost, 1);
    KeepLargest(measure_.busiest_page, cost);
    CheckDocument(dict.getObjGen());
  }

  // The page as readers show it: its crop box within its media box, in
  // points scaled by /UserUnit.
  void CheckBox(QPDFPageObjectHelper& page) {
    QPDFObjectHandle media = page.getMediaBox();
    if (!media.isRectangle()) return;
    QPDFObjectHandle::Rectangle shown = Normalised(media.getArrayAsRectangle());
    QPDFObjectHandle crop = page.getCropBox();
    if (crop.isRectangle()) {
      QPDFObjectHandle::Rectangle c = Normalised(crop.getArrayAsRectangle());
      QPDFObjectHandle::Rectangle both(std::max(c.llx, shown.llx), std::max(c.lly, shown.lly),
                                       std::min(c.urx, shown.urx), std::min(c.ury, shown.ury));
      if (both.urx > both.llx && both.ury > both.lly) shown = both;
    }
    double unit = Number(page.getObjectHandle().getKey("/UserUnit"));
    if (!(unit > 0)) unit = 1;
    CheckPageArea((shown.urx - shown.llx) * unit, (shown.ury - shown.lly) * unit, file_.name, page_,
                  limits_);
  }

  static QPDFObjectHandle::Rectangle Normalised(const QPDFObjectHandle::Rectangle& r) {
    return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx),
            std::max(r.lly, r.ury)};
  }

  // One content (a page's streams, or a form's), then what it draws: forms
  // measured once and counted per draw, images by their declared size.
  DrawingCost MeasureContent(const std::vector<QPDFObjectHandle>& streams, const Scope& scope,
                             int depth, const QPDFObjGen& where) {
    QPDFObjectHandle resources = scope.resources;  // qpdf's accessors are not const
    QPDFObjectHandle xobjects =
        resources.isDictionary() ? resources.getKey("/XObject") : QPDFObjectHandle();
    std::set<std::string> names;
    if (xobjects.isDictionary()) names = xobjects.getKeys();
    ContentTally tally(names);
    std::uint64_t room =
        limits_.max_content_bytes > decoded_ ? limits_.max_content_bytes - decoded_ : 0;
    for (QPDFObjectHandle stream : streams) {
      TallyPipeline pipe(tally, limits_.max_page_operators, room);
      stream.pipeStreamData(&pipe, 0, qpdf_dl_specialized, true, false);
      if (pipe.stopped()) RefuseStopped(tally, stream.getObjGen());
      // A page's streams join with white space between them.
      static constexpr unsigned char kBetweenStreams = '\n';
      tally.Feed(&kBetweenStreams, 1);
    }
    tally.Finish();
    decoded_ = Plus(decoded_, tally.bytes());
    measure_.inline_images = Plus(measure_.inline_images, tally.inline_images());
    CheckImage(tally.largest_inline_image(), where, "inline image");

    DrawingCost cost;
    cost.operators = tally.operators();
    cost.content_bytes = tally.bytes();
    cost.image_pixels = tally.inline_image_pixels();
    for (const auto& [name, times] : tally.draws()) {
      QPDFObjectHandle xobject = xobjects.getKey(name);
      if (!xobject.isStream()) continue;
      QPDFObjectHandle subtype = xobject.getDict().getKey("/Subtype");
      if (subtype.isNameAndEquals("/Image")) {
        cost.image_pixels = Plus(cost.image_pixels, Times(ImagePixels(xobject), times));
      } else if (subtype.isNameAndEquals("/Form")) {
        DrawingCost form = MeasureForm(xobject, scope, depth + 1);
        AddDrawn(cost, form, times);
        cost.form_draws = Plus(cost.form_draws, times);
        cost.form_depth = std::max(cost.form_depth, form.form_depth + 1);
      }
      CheckWithinPage(cost, where);
    }
    CheckWithinPage(cost, where);
    return cost;
  }

  DrawingCost MeasureForm(QPDFObjectHandle form, const Scope& caller, int depth) {
    QPDFObjGen object = form.getObjGen();
    if (depth > limits_.max_form_depth)
      Refuse(DrawingExcess::FormDepth, page_, limits_.max_form_depth, object,
             "form XObjects nested " + std::to_string(depth) + " deep > max_form_depth");
    QPDFObjectHandle own = form.getDict().getKey("/Resources");
    Scope scope = own.isDictionary() ? Scope{own, object} : caller;
    auto key = std::make_pair(object, scope.owner);
    auto known = forms_.find(key);
    if (known == forms_.end()) {
      // A form that draws itself, directly or not, would nest without end.
      if (!drawing_.insert(object).second)
        Refuse(DrawingExcess::FormDepth, page_, limits_.max_form_depth, object,
               "form XObject draws itself");
      DrawingCost cost = MeasureContent({form}, scope, depth, object);
      drawing_.erase(object);
      known = forms_.emplace(key, cost).first;
    }
    if (depth + known->second.form_depth > limits_.max_form_depth)
      Refuse(DrawingExcess::FormDepth, page_, limits_.max_form_depth, object,
             "form XObjects nested " + std::to_string(depth + known->second.form_depth) +
                 " deep > max_form_depth");
    return known->second;
  }

  // Declared pixels of an image XObject and of its masks, each checked.
  std::uint64_t ImagePixels(QPDFObjectHandle image) {
    std::uint64_t total = 0;
    for (QPDFObjectHandle part :
         {image, image.getDict().getKey("/SMask"), image.getDict().getKey("/Mask")}) {
      if (!part.isStream()) continue;
      QPDFObjectHandle dict = part.getDict();
      std::uint64_t pixels =
          Side(Number(dict.getKey("/Width"))) * Side(Number(dict.getKey("/Height")));
      CheckImage(pixels, part.getObjGen(), "image XObject");
      total = Plus(total, pixels);
    }
    return total;
  }

  void CheckImage(std::uint64_t pixels, const QPDFObjGen& where, const char* what) {
    measure_.largest_image_pixels = std::max(measure_.largest_image_pixels, pixels);
    if (pixels <= limits_.max_image_pixels) return;
    throw Refusal(RefusalReason::Limits,
                  HugeImageMessage(file_.name, pixels, limits_.max_image_pixels),
                  Context(page_, where) + ": " + what + " of " + std::to_string(pixels) +
                      " pixels > max_image_pixels " + std::to_string(limits_.max_image_pixels));
  }

  // What can be told of a content when its decode was stopped at the cap.
  [[noreturn]] void RefuseStopped(const ContentTally& tally, const QPDFObjGen& where) {
    if (tally.operators() > limits_.max_page_operators)
      Refuse(DrawingExcess::Operators, page_, limits_.max_page_operators, where,
             "over " + std::to_string(tally.operators()) +
                 " operators in one content > max_page_operators");
    Refuse(DrawingExcess::ContentBytes, 0, limits_.max_content_bytes, where,
           "decoded content past max_content_bytes (decode stopped)");
  }

  // Counts a page cannot exceed; checked as they grow, so that a fan-out
  // is refused before its products overflow anything.
  void CheckWithinPage(const DrawingCost& cost, const QPDFObjGen& where) {
    if (cost.form_draws > limits_.max_form_draws)
      Refuse(DrawingExcess::FormDraws, page_, limits_.max_form_draws, where,
             std::to_string(cost.form_draws) + " form draws > max_form_draws");
    if (cost.operators > limits_.max_page_operators)
      Refuse(DrawingExcess::Operators, page_, limits_.max_page_operators, where,
             std::to_string(cost.operators) + " operators > max_page_operators");
    if (cost.image_pixels > limits_.max_page_image_pixels)
      Refuse(DrawingExcess::ImagePixels, page_, limits_.max_page_image_pixels, where,
             std::to_string(cost.image_pixels) + " image pixels drawn > max_page_image_pixels");
    if (cost.content_bytes > limits_.max_content_bytes)
      Refuse(DrawingExcess::ContentBytes, 0, limits_.max_content_bytes, where,
             std::to_string(cost.content_bytes) + " content bytes drawn > max_content_bytes");
  }

  void CheckDocument(const QPDFObjGen& where) {
    const DrawingCost& all = measure_.document;
    if (all.operators > limits_.max_document_operators)
      Refuse(DrawingExcess::Operators, 0, limits_.max_document_operators, where,
             std::to_string(all.operators) + " operators in the file > max_document_operators");
    if (all.form_draws > limits_.max_form_draws)
      Refuse(DrawingExcess::FormDraws, 0, limits_.max_form_draws, where,
             std::to_string(all.form_draws) + " form draws in the file > max_form_draws");
    if (all.content_bytes > limits_.max_content_bytes)
      Refuse(DrawingExcess::ContentBytes, 0, limits_.max_content_bytes, where,
             std::to_string(all.content_bytes) + " content bytes in the file > max_content_bytes");
  }

  [[noreturn]] void Refuse(DrawingExcess excess, int page, std::uint64_t limit,
                           const QPDFObjGen& where, const std::string& what) {
    throw Refusal(RefusalReason::Limits, OverdrawnMessage(file_.name, page, excess, limit),
                  Context(page_, where) + ": " + what + " " + std::to_string(limit));
  }

  std::string Context(int page, const QPDFObjGen& where) const {
    return file_.name + ": page " + std::to_string(page) + ": " + ObjectName(where);
  }

  const InputFile& file_;
  const HardLimits& limits_;
  QPDF pdf_;
  int page_ = 0;  // the page being measured, 1-based
  std::uint64_t decoded_ = 0;
  std::map<std::pair<QPDFObjGen, QPDFObjGen>, DrawingCost> forms_;
  std::set<QPDFObjGen> drawing_;  // forms being measured, outermost first
  DrawingMeasure measure_;
};

}  // namespace

DrawingMeasure CheckDrawingBudget(const InputFile& file, const HardLimits& limits) {
  return DrawingBudgetPass(file, limits).Run();
}

}  // namespace dossier
