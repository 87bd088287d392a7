// What a refused file is, said in French with the right article: « est une
// image GIF », « est un document Word (.docx) », never « est un image ».
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/messages/CandidateMessages.h"

namespace dossier {
namespace {

TEST(FileKindWithArticle, GivesEachKindItsGender) {
  EXPECT_EQ(FileKindWithArticle(FileKind::Gif), "une image GIF");
  EXPECT_EQ(FileKindWithArticle(FileKind::Bmp), "une image BMP");
  EXPECT_EQ(FileKindWithArticle(FileKind::Word), "un document Word (.docx)");
  EXPECT_EQ(FileKindWithArticle(FileKind::Zip), "une archive ZIP");
  EXPECT_EQ(FileKindWithArticle(FileKind::PowerPoint), "une présentation PowerPoint (.pptx)");
  EXPECT_EQ(FileKindWithArticle(FileKind::Excel), "un classeur Excel (.xlsx)");
  EXPECT_EQ(FileKindWithArticle(FileKind::Html), "une page web (HTML)");
  EXPECT_EQ(FileKindWithArticle(FileKind::Video), "une vidéo");
  EXPECT_EQ(FileKindWithArticle(FileKind::Text), "un fichier texte");
  EXPECT_EQ(FileKindWithArticle(FileKind::Unknown), "un fichier de type inconnu");
}

TEST(WrongFormatMessage, NamesTheKindThenEveryAcceptedFormat) {
  std::vector<std::string> all = {"pdf", "jpeg", "png", "heic", "avif", "webp", "tiff"};
  EXPECT_EQ(WrongFormatMessage("scan.gif", FileKind::Gif, all),
            "Le fichier « scan.gif » est une image GIF : seuls les formats PDF, JPEG, PNG, "
            "HEIC, AVIF, WebP et TIFF sont acceptés pour cette pièce. Enregistrez-le dans "
            "l'un de ces formats puis déposez-le à nouveau.");
  std::string word = WrongFormatMessage("cv.docx", FileKind::Word, all);
  EXPECT_EQ(word.rfind("Le fichier « cv.docx » est un document Word (.docx) : ", 0), 0u) << word;
}

TEST(WrongFormatMessage, SaysTheOneFormatInTheSingular) {
  std::string message = WrongFormatMessage("photo.jpg", FileKind::Jpeg, {"pdf"});
  EXPECT_NE(message.find("est une image JPEG : seul le format PDF est accepté pour cette pièce."),
            std::string::npos)
      << message;
}

// The iPhone setting is advice for a pièce that does not take HEIC; where
// HEIC is accepted the file never gets a refusal for its format at all.
TEST(WrongFormatMessage, AdvisesTheIphoneSettingOnlyWhereHeicIsRefused) {
  std::string message = WrongFormatMessage("IMG_0042.HEIC", FileKind::Heic, {"pdf", "jpeg"});
  EXPECT_NE(message.find("est une image HEIC (photo d'iPhone) : seuls les formats PDF et JPEG"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("« Le plus compatible »"), std::string::npos) << message;
}

}  // namespace
}  // namespace dossier
