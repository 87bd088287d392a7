#include "core/messages/PdfMessages.h"

#include <cstdio>

#include "core/text/FrenchFormat.h"

namespace dossier {
namespace {

constexpr const char* kRedoAdvice =
    " Enregistrez à nouveau votre document en PDF (Imprimer → PDF) ou scannez-le à 200 ou "
    "300 dpi, puis déposez-le à nouveau.";

// "10 000", "4 000 000": digits grouped by three, as French text writes them.
std::string Grouped(std::uint64_t value) {
  std::string digits = std::to_string(value), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}

// "4 millions d'opérations", "1 million de fois", "600 000 fois".
std::string CountOf(std::uint64_t value, const std::string& noun) {
  if (value < 1'000'000 || value % 1'000'000 != 0) return Grouped(value) + " " + noun;
  std::string millions =
      Grouped(value / 1'000'000) + (value == 1'000'000 ? " million" : " millions");
  bool elided = std::string("aeiou").find(noun[0]) != std::string::npos || noun.rfind("é", 0) == 0;
  return millions + (elided ? " d'" : " de ") + noun;
}

std::string Metres(double points) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", points / 72 * 0.0254);
  std::string out = text;
  for (char& c : out)
    if (c == '.') c = ',';
  return out;
}

std::string Where(const std::string& name, int page) {
  if (page <= 0) return "Le fichier « " + name + " »";
  return "La page " + std::to_string(page) + " du fichier « " + name + " »";
}

}  // namespace

std::string DamagedPdfMessage(const std::string& name) {
  return "Le fichier PDF « " + name +
         " » est endommagé et ne peut pas être lu. Ouvrez-le sur votre ordinateur pour "
         "vérifier, puis enregistrez-le à nouveau en PDF ou scannez le document.";
}

std::string PasswordPdfMessage(const std::string& name) {
  return "Le fichier PDF « " + name +
         " » est protégé par un mot de passe : la commission ne pourrait pas l'ouvrir. "
         "Déposez une version sans mot de passe (dans votre lecteur PDF : Imprimer > "
         "Enregistrer au format PDF).";
}

std::string EmptyPdfMessage(const std::string& name) {
  return "Le fichier PDF « " + name + " » ne contient aucune page.";
}

std::string DamagedPageMessage(const std::string& name, int page) {
  if (page <= 0) return DamagedPdfMessage(name);
  return "La page " + std::to_string(page) + " du fichier « " + name +
         " » est endommagée : son contenu ne peut pas être affiché. Ouvrez le fichier pour "
         "vérifier, puis enregistrez-le à nouveau en PDF ou scannez le document.";
}

std::string TooManyPagesInFileMessage(const std::string& name, int pages, int limit) {
  return "Le fichier « " + name + " » annonce " + std::to_string(pages) +
         " pages, bien plus qu'un document réel (" + std::to_string(limit) +
         " au maximum). Déposez seulement les pages demandées.";
}

std::string HugeImageMessage(const std::string& name, std::uint64_t pixels, std::uint64_t limit) {
  return "Le fichier « " + name + " » contient une image déclarée de " +
         Grouped((pixels + 500'000) / 1'000'000) +
         " mégapixels, bien au-delà d'un document réel (" + Grouped(limit / 1'000'000) +
         " au maximum)." + kRedoAdvice;
}

std::string OverdrawnMessage(const std::string& name, int page, DrawingExcess excess,
                             std::uint64_t limit) {
  std::string what;
  switch (excess) {
    case DrawingExcess::Operators:
      what = " demande plus de " + CountOf(limit, "opérations de dessin");
      break;
    case DrawingExcess::FormDraws:
      what = " répète des dessins imbriqués plus de " + CountOf(limit, "fois");
      break;
    case DrawingExcess::FormDepth:
      what = " imbrique des dessins les uns dans les autres sur plus de " + Grouped(limit) +
             " niveaux";
      break;
    case DrawingExcess::ImagePixels:
      what = " dessine plus de " + Grouped(limit / 1'000'000) + " mégapixels d'images";
      break;
    case DrawingExcess::ContentBytes:
      what = " contient plus de " + FrenchSize(limit) + " de dessin une fois décompressé";
      break;
  }
  return Where(name, page) + what +
         ", bien au-delà d'un document réel : aucun lecteur ne l'afficherait en un temps "
         "raisonnable." +
         kRedoAdvice;
}

std::string GiantPageMessage(const std::string& name, int page, double width, double height) {
  return Where(name, page) + " mesure " + Metres(width) + " × " + Metres(height) +
         " mètres, bien au-delà d'un document réel : elle ne peut pas être affichée." + kRedoAdvice;
}

}  // namespace dossier
