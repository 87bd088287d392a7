#include "core/messages/CandidateMessages.h"

#include "core/text/FrenchFormat.h"

namespace dossier {
namespace {

// The formats as candidates know them: « PDF, JPEG, PNG, HEIC, AVIF, WebP
// et TIFF ».
std::string FormatName(const std::string& code) {
  if (code == "webp") return "WebP";
  std::string name = code;
  for (char& c : name) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return name;
}

std::string FormatList(const std::vector<std::string>& formats) {
  std::string list;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    list += i == 0 ? "" : (i + 1 == formats.size() ? " et " : ", ");
    list += FormatName(formats[i]);
  }
  return list;
}

// Only said when the pièce refuses the kind: the formats it accepts are
// listed just before.
std::string WhatToDo(FileKind kind) {
  switch (kind) {
    case FileKind::Word:
    case FileKind::WordLegacy:
    case FileKind::Excel:
    case FileKind::PowerPoint:
    case FileKind::OpenDocument:
    case FileKind::Rtf:
    case FileKind::Text:
    case FileKind::Html:
      return "Ouvrez-le et choisissez « Enregistrer sous » ou « Exporter » au format PDF, "
             "puis déposez le PDF.";
    case FileKind::Zip:
    case FileKind::Rar:
    case FileKind::SevenZip:
      return "Décompressez l'archive et déposez les fichiers eux-mêmes : vous pouvez en "
             "déposer plusieurs pour la même pièce, ils seront fusionnés.";
    case FileKind::Heic:
    case FileKind::Avif:
      return "Sur iPhone, choisissez Réglages > Appareil photo > Formats > « Le plus "
             "compatible », ou partagez la photo en JPEG.";
    case FileKind::Video:
      return "Déposez une photo ou un scan du document, pas une vidéo.";
    default:
      return "Enregistrez-le dans l'un de ces formats puis déposez-le à nouveau.";
  }
}

// Links are in most CVs: they get their own, quieter sentence.
std::string ActiveContentSentence(const std::vector<std::string>& removed) {
  if (removed.empty()) return "";
  if (removed == std::vector<std::string>{"link"})
    return " Les liens du PDF ont été désactivés : leur texte reste lisible, un clic n'ouvre "
           "plus rien.";
  return " Ce que le PDF pouvait exécuter ou ouvrir (scripts, fichiers joints, liens) a été "
         "retiré ; le contenu des pages est inchangé.";
}

}  // namespace

namespace {

// A kind's label and whether French makes it feminine (« une image »).
struct KindName {
  const char* label;
  bool feminine;
};

KindName NameOf(FileKind kind) {
  switch (kind) {
    case FileKind::Pdf:
      return {"document PDF", false};
    case FileKind::Jpeg:
      return {"image JPEG", true};
    case FileKind::Png:
      return {"image PNG", true};
    case FileKind::Empty:
      return {"fichier vide", false};
    case FileKind::Word:
      return {"document Word (.docx)", false};
    case FileKind::WordLegacy:
      return {"document Word ou Excel ancien format (.doc, .xls)", false};
    case FileKind::Excel:
      return {"classeur Excel (.xlsx)", false};
    case FileKind::PowerPoint:
      return {"présentation PowerPoint (.pptx)", true};
    case FileKind::OpenDocument:
      return {"document LibreOffice (.odt, .ods)", false};
    case FileKind::Zip:
      return {"archive ZIP", true};
    case FileKind::Rar:
      return {"archive RAR", true};
    case FileKind::SevenZip:
      return {"archive 7-Zip", true};
    case FileKind::Gif:
      return {"image GIF", true};
    case FileKind::Heic:
      return {"image HEIC (photo d'iPhone)", true};
    case FileKind::Avif:
      return {"image AVIF", true};
    case FileKind::Webp:
      return {"image WebP", true};
    case FileKind::Tiff:
      return {"image TIFF", true};
    case FileKind::Bmp:
      return {"image BMP", true};
    case FileKind::Video:
      return {"vidéo", true};
    case FileKind::PostScript:
      return {"fichier PostScript", false};
    case FileKind::Rtf:
      return {"document RTF", false};
    case FileKind::Text:
      return {"fichier texte", false};
    case FileKind::Html:
      return {"page web (HTML)", true};
    case FileKind::Unknown:
      return {"fichier de type inconnu", false};
  }
  return {"fichier de type inconnu", false};
}

}  // namespace

std::string FileKindLabel(FileKind kind) {
  return NameOf(kind).label;
}

std::string FileKindWithArticle(FileKind kind) {
  KindName name = NameOf(kind);
  return std::string(name.feminine ? "une " : "un ") + name.label;
}

std::string IneSentence(const IneReport& ine) {
  if (ine.verdict == "conforme") return " INE vérifié : " + ine.value + ".";
  if (ine.verdict == "non_verifie" && !ine.value.empty()) return " INE lu : " + ine.value + ".";
  if (ine.verdict == "different")
    return " Attention : l'INE lu sur le document (" + ine.value +
           ") ne correspond pas à celui de votre profil. Vérifiez votre profil ou le document.";
  if (ine.verdict == "illisible")
    return " Attention : l'INE n'a pas pu être lu sur ce document. Déposez une copie plus "
           "nette (scan en 300 dpi, photo sans flou ni reflet).";
  if (ine.verdict == "absent")
    return " Attention : aucun INE n'a été trouvé sur ce document. Vérifiez qu'il s'agit du "
           "bon document (le relevé de notes du bac porte le « N° INE »).";
  return "";
}

std::string AcceptedMessage(const PieceReport& report, std::size_t file_count) {
  if (report.kept_original)
    return "Pièce acceptée telle quelle : ce PDF est signé électroniquement, sa signature "
           "est conservée (" +
           FrenchPages(report.pages) + ", " + FrenchSize(report.output_bytes) + ")." +
           IneSentence(report.ine);
  std::string text = "Pièce acceptée : ";
  if (file_count > 1) text += std::to_string(file_count) + " fichiers fusionnés, ";
  text += FrenchPages(report.pages);
  // Only say "compressé" when it shows: under 10 % is noise.
  if (report.output_bytes * 10 < report.input_bytes * 9)
    text += ", compressée de " + FrenchSize(report.input_bytes) + " à " +
            FrenchSize(report.output_bytes);
  else
    text += ", " + FrenchSize(report.output_bytes);
  text += ".";
  text += IneSentence(report.ine);
  text += ActiveContentSentence(report.active_content_removed);
  if (report.signature_lost && file_count == 1)
    text +=
        " Attention : ce PDF signé est endommagé et a dû être réparé, sa signature "
        "électronique ne peut donc pas être conservée ; demandez un nouvel exemplaire à "
        "l'organisme qui l'a délivré.";
  else if (report.signature_lost)
    text +=
        " Attention : la signature électronique d'un des PDF ne peut pas être conservée "
        "dans une fusion ; déposez ce PDF seul pour qu'elle reste vérifiable.";
  return text;
}

std::string WrongFormatMessage(const std::string& name, FileKind kind,
                               const std::vector<std::string>& formats) {
  std::string accepted = formats.size() == 1
                             ? "seul le format " + FormatList(formats) + " est accepté"
                             : "seuls les formats " + FormatList(formats) + " sont acceptés";
  return "Le fichier « " + name + " » est " + FileKindWithArticle(kind) + " : " + accepted +
         " pour cette pièce. " + WhatToDo(kind);
}

std::string EmptyFileMessage(const std::string& name) {
  return "Le fichier « " + name +
         " » est vide (0 octet) : l'envoi a sans doute été interrompu. Déposez-le à nouveau.";
}

std::string TruncatedFileMessage(const std::string& name) {
  return "Le fichier « " + name +
         " » est incomplet : il s'arrête avant sa fin, sans doute à cause d'un envoi ou "
         "d'une copie interrompus. Déposez-le à nouveau.";
}

std::string NoFileMessage() {
  return "Aucun fichier n'a été déposé pour cette pièce.";
}

std::string TooLargeMessage(std::uint64_t achieved, std::uint64_t limit) {
  return "Même compressée au maximum, la pièce fait " + FrenchSize(achieved) +
         ", au-delà de la limite de " + FrenchSize(limit) + " (" + FrenchSize(achieved - limit) +
         " de trop). Retirez les pages inutiles, ou scannez le document en 200 ou 300 dpi "
         "plutôt qu'en 600 dpi, puis déposez-le à nouveau.";
}

std::string SignedTooLargeMessage(std::uint64_t size, std::uint64_t limit) {
  return "Ce PDF signé électroniquement fait " + FrenchSize(size) + ", au-delà de la limite de " +
         FrenchSize(limit) +
         ", et ne peut pas être compressé sans perdre sa signature. Contactez la scolarité "
         "de la formation.";
}

std::string TooManyPagesMessage(int pages, int limit, const std::string& label) {
  return "La pièce « " + label + " » compte " + std::to_string(pages) +
         " pages, au-delà du maximum de " + std::to_string(limit) +
         ". Déposez seulement les pages demandées.";
}

std::string UnmergeableMessage() {
  return "Les fichiers de cette pièce n'ont pas pu être assemblés en un seul PDF : l'un "
         "d'eux est sans doute endommagé. Ouvrez chacun pour vérifier, puis déposez-les à "
         "nouveau.";
}

std::string WorkerCrashedMessage() {
  return "Un des fichiers de cette pièce n'a pas pu être lu : il est sans doute endommagé. "
         "Ouvrez chaque fichier sur votre appareil pour vérifier, puis déposez-le à nouveau "
         "ou scannez le document.";
}

std::string TimedOutMessage(int seconds) {
  return "La lecture de cette pièce a demandé plus de " + std::to_string(seconds) +
         " secondes, bien plus qu'un document réel : un des fichiers est sans doute "
         "endommagé. Ouvrez-le pour vérifier, puis déposez-le à nouveau.";
}

std::string OutOfMemoryMessage() {
  return "Cette pièce demande plus de mémoire qu'un document réel pour être lue : un des "
         "fichiers est sans doute endommagé ou anormalement grand. Scannez le document en "
         "200 ou 300 dpi puis déposez-le à nouveau.";
}

std::string UnprocessableMessage() {
  return "Cette pièce n'a pas pu être vérifiée automatiquement : un gestionnaire l'examinera "
         "lui-même. Vous n'avez rien à faire pour l'instant ; si le document doit être "
         "remplacé, vous en serez informé.";
}

std::string FileTooLargeToReadMessage(const std::string& name, std::uint64_t size) {
  return "Le fichier « " + name + " » fait " + FrenchSize(size) +
         ", bien plus qu'un document réel. Scannez-le en 200 ou 300 dpi puis déposez-le à "
         "nouveau.";
}

}  // namespace dossier
